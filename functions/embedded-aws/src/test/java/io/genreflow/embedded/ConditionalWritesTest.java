package io.genreflow.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes racing on one key: as on S3, exactly one of the writers that name the same
 * ETag (or that all expect no object) wins, and the others get a conflict, so read-modify-write
 * documents lose no update.
 */
class ConditionalWritesTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 10;

    @Test
    void oneOfTheWritersNamingTheSameVersionWinsOnTheTransientStore() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().transientStorage().credentials("k", "s").build().start()) {
            assertOneWinnerPerRound(server);
        }
    }

    @Test
    void oneOfTheWritersNamingTheSameVersionWinsOnTheFilesystemStore(@TempDir Path root) throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.builder().filesystem(root).credentials("k", "s").build()
                .start()) {
            assertOneWinnerPerRound(server);
        }
    }

    private static void assertOneWinnerPerRound(EmbeddedS3 server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("race"));
            assertEquals(1, race(pool, writer -> () -> s3.putObject(b -> b.bucket("race").key("doc").ifNoneMatch("*"),
                    RequestBody.fromString("first " + writer))), "creations that won");
            for (int round = 0; round < ROUNDS; round++) {
                String eTag = s3.headObject(b -> b.bucket("race").key("doc")).eTag();
                int r = round;
                assertEquals(1, race(pool, writer -> () -> s3.putObject(b -> b.bucket("race").key("doc").ifMatch(eTag),
                        RequestBody.fromString("round " + r + " by " + writer))), "replacements of " + eTag + " that won");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts every writer at once; how many succeeded. A conflict (409 or 412) counts as losing. */
    private static int race(ExecutorService pool, IntFunction<Callable<?>> writers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            Callable<?> write = writers.apply(writer);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    write.call();
                    return true;
                } catch (S3Exception e) {
                    if (e.statusCode() != 409 && e.statusCode() != 412) {
                        throw e;
                    }
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> outcome : outcomes) {
            won += outcome.get() ? 1 : 0;
        }
        return won;
    }
}
