package io.genreflow.local;

import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.testing.ReferenceVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Files that cannot become a verdict, uploaded through the running stack beside a good one: each
 * track FAILS with a reason the user can act on, its upload event is acknowledged on its first
 * delivery (a broken file stays broken, so it is not retried into the dead-letter queue; only
 * trouble with S3 or SQS is), and the good track beside them gets its verdict.
 */
@QuarkusTest
@TestProfile(BadUploadTest.SmallLimits.class)
@WithTestResource(TemporaryDataDir.class)
class BadUploadTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /**
     * The real functions, watched, accepting at most 1.5 MB and 20 s. The uploads queue's visibility
     * timeout outlasts a poller's whole batch here, so a second delivery can only mean a throw.
     */
    public static final class SmallLimits extends ObservedFunctions.Profile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("genreflow.splitter.max-bytes", "1500000",
                    "genreflow.splitter.max-duration-seconds", "20",
                    "genreflow.queues.uploads-visibility-timeout", "1M");
        }
    }

    @Inject
    ObservedFunctions functions;

    @Test
    void badUploadsFailWithTheirReasonOnceAndAGoodOneBesideThemGetsItsVerdict() throws Exception {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("truncated.mp3", resource("audio/truncated.mp3"));
        bad.put("garbage.wav", garbageAfterAWavHeader());
        bad.put("empty.wav", new byte[0]);
        bad.put("notes.wav", "my shopping list: milk, eggs, a new guitar".getBytes(StandardCharsets.UTF_8));
        bad.put("too-big.wav", GeneratedAudio.musicWav(40.0, 7));
        bad.put("too-long.wav", GeneratedAudio.musicWav(25.0, 8));
        Map<String, String> reasons = Map.of(
                "empty.wav", "empty",
                "notes.wav", "not audio",
                "too-big.wav", "larger than the limit of 1500000 bytes",
                "too-long.wav", "longer than the limit of 20.0 s");
        byte[] good = GeneratedAudio.musicWav(10.0, 9);

        try (RunningStack stack = RunningStack.connect(functions.dataDir())) {
            Map<String, SourceObject> uploads = new LinkedHashMap<>();
            bad.forEach((name, bytes) -> uploads.put(name, stack.upload(name, bytes)));
            SourceObject goodUpload = stack.upload("good.wav", good);

            Verdict verdict = stack.awaitVerdict(goodUpload, TIMEOUT);
            ReferenceVerdict.assertSame(ReferenceVerdict.of(good, "good.wav", functions.manifest()), verdict);
            for (SourceObject upload : uploads.values()) {
                TrackRecord record = stack.awaitFinished(upload.trackId(), TIMEOUT);
                String name = S3Keys.uploadName(upload.key());
                assertEquals(TrackStatus.FAILED, record.status(), name);
                assertEquals(PipelineStage.SPLITTER, record.failure().stage(), name);
                String reason = record.failure().reason();
                assertFalse(reason.contains("gave up"), name + " was dead-lettered instead: " + reason);
                assertTrue(reason.contains(reasons.getOrDefault(name, "")), name + ": " + reason);
                assertTrue(stack.read(S3Keys.verdictForUpload(upload.key()), Verdict.class).isEmpty(), name);
                assertTrue(stack.read(S3Keys.verdict(upload.trackId()), Verdict.class).isEmpty(), name);
                assertFalse(stack.keysUnder(S3Keys.work(upload.trackId())).contains(S3Keys.pcm(upload.trackId())),
                        name + " left its PCM behind");
                System.out.printf("%s failed: %s%n", name, reason);
            }
            stack.awaitQueuesIdle(TIMEOUT);
            for (SourceObject upload : uploads.values()) {
                List<ObservedFunctions.Delivery> deliveries = deliveriesOf(upload);
                assertEquals(1, deliveries.size(), upload.key() + " was delivered " + deliveries);
                assertTrue(deliveries.getFirst().acknowledged(), upload.key() + " threw: "
                        + deliveries.getFirst().failure());
            }
            assertEquals(List.of(), functions.deliveries("uploads-dlq"), "an upload event was dead-lettered");
        }
    }

    /** The splitter's deliveries of events announcing {@code upload}. */
    private List<ObservedFunctions.Delivery> deliveriesOf(SourceObject upload) {
        return functions.deliveries("uploads").stream()
                .filter(d -> S3EventNotification.parse(d.message().body()).createdObjects().stream()
                        .anyMatch(o -> o.key().equals(upload.key())))
                .toList();
    }

    /** A RIFF/WAVE header followed by random bytes where the format and data chunks should be. */
    private static byte[] garbageAfterAWavHeader() {
        byte[] garbage = new byte[20_000];
        new Random(10).nextBytes(garbage);
        ByteBuffer b = ByteBuffer.wrap(garbage).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(garbage.length - 8)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        return garbage;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BadUploadTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
