package io.genreflow.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Conditional writes racing on one key: as on S3, exactly one of the writers that name the same
 * ETag (or that all expect no object) is stored, so read-modify-write documents lose no update.
 * The server's own write notifications count what was stored; how the losers hear of losing (412,
 * 409, or a connection S3Proxy closed before reading their body) does not matter here.
 */
class ConditionalWritesTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 10;

    @Test
    void oneOfTheWritersNamingTheSameVersionIsStoredOnTheTransientStore() throws Exception {
        AtomicInteger stored = new AtomicInteger();
        try (EmbeddedS3 server = EmbeddedS3.builder().transientStorage().credentials("k", "s")
                .onObjectWritten((bucket, key) -> stored.incrementAndGet()).build().start()) {
            assertOneStoredPerRound(server, stored);
        }
    }

    @Test
    void oneOfTheWritersNamingTheSameVersionIsStoredOnTheFilesystemStore(@TempDir Path root) throws Exception {
        AtomicInteger stored = new AtomicInteger();
        try (EmbeddedS3 server = EmbeddedS3.builder().filesystem(root).credentials("k", "s")
                .onObjectWritten((bucket, key) -> stored.incrementAndGet()).build().start()) {
            assertOneStoredPerRound(server, stored);
        }
    }

    private static void assertOneStoredPerRound(EmbeddedS3 server, AtomicInteger stored) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("race"));
            race(pool, writer -> () -> s3.putObject(b -> b.bucket("race").key("doc").ifNoneMatch("*"),
                    RequestBody.fromString("first " + writer)));
            assertEquals(1, stored.getAndSet(0), "creations stored");
            for (int round = 0; round < ROUNDS; round++) {
                String eTag = s3.headObject(b -> b.bucket("race").key("doc")).eTag();
                int r = round;
                race(pool, writer -> () -> s3.putObject(b -> b.bucket("race").key("doc").ifMatch(eTag),
                        RequestBody.fromString("round " + r + " by " + writer)));
                assertEquals(1, stored.getAndSet(0), "replacements of " + eTag + " stored");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts every writer at once and waits for all; a writer's failure is its loss. */
    private static void race(ExecutorService pool, IntFunction<Runnable> writers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> outcomes = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            Runnable write = writers.apply(writer);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    write.run();
                } catch (RuntimeException lost) {
                    return false;
                }
                return true;
            }));
        }
        start.countDown();
        for (Future<?> outcome : outcomes) {
            outcome.get();
        }
    }
}
