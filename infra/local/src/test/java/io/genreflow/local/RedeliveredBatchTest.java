package io.genreflow.local;

import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.testing.ReferenceVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery through the running stack: a classifier that crashes after its result went
 * out, before acknowledging, has the batch delivered again after the visibility timeout; the result
 * then arrives twice, is stored once, and the verdict stays exactly the in-process classifier's.
 */
@QuarkusTest
@TestProfile(RedeliveredBatchTest.CrashingChromaClassifier.class)
@WithTestResource(TemporaryDataDir.class)
class RedeliveredBatchTest {

    private static final String CRASHING = "chroma";
    private static final String QUEUE = "snippets-" + CRASHING;

    /** The real functions, the chroma classifier crashing on every batch's first delivery. */
    public static final class CrashingChromaClassifier extends ObservedFunctions.Profile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Longer than a batch takes to classify here, shorter than a test's patience.
            return Map.of("e2e.crash-first-delivery-of", CRASHING,
                    "genreflow.queues.visibility-timeout", "10S",
                    "genreflow.queues.uploads-visibility-timeout", "1M");
        }
    }

    @Inject
    ObservedFunctions functions;

    @Test
    void aBatchWhoseClassifierCrashedIsDeliveredAgainAndChangesNothing() throws Exception {
        byte[] wav = GeneratedAudio.musicWav(40.0, 6);
        try (RunningStack stack = RunningStack.connect(functions.dataDir())) {
            SourceObject upload = stack.upload("crashing classifier.wav", wav);

            Verdict verdict = stack.awaitVerdict(upload, Duration.ofMinutes(2));
            TrackRecord record = stack.awaitFinished(upload.trackId(), Duration.ofMinutes(1));
            int batches = record.expectedPartials().get(CRASHING);
            awaitSecondDeliveries(batches, Duration.ofMinutes(1));
            stack.awaitQueuesIdle(Duration.ofMinutes(1));

            assertEquals(TrackStatus.DONE, record.status());
            assertTrue(batches > 1, "the track has several chroma batches: " + record.expectedPartials());
            List<ObservedFunctions.Delivery> chroma = functions.deliveries(QUEUE);
            assertEquals(batches, chroma.stream().filter(d -> !d.acknowledged()).count(),
                    "every chroma batch crashed once: " + chroma);
            assertFalse(verdict.degraded(), "no batch was given up: " + verdict.missingRepresentations());
            assertTrue(stack.keysUnder(S3Keys.work(upload.trackId())).stream()
                    .noneMatch(key -> key.endsWith(".failed.json")), "no batch failure was noted");
            assertEquals(batches, stack.keysUnder(S3Keys.partialResults(upload.trackId(),
                    Representation.fromId(CRASHING))).size(), "each chroma result is stored once");
            assertEquals(record, stack.track(upload.trackId()).orElseThrow(), "the redelivery left the record alone");
            assertEquals(verdict, stack.read(S3Keys.verdictForUpload(upload.key()), Verdict.class).orElseThrow(),
                    "the redelivered results left the verdict alone");
            ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "crashing classifier.wav", functions.manifest()), verdict);
        }
    }

    /** Waits until every crashed batch has been delivered again and acknowledged. */
    private void awaitSecondDeliveries(int batches, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (secondDeliveries() < batches) {
            if (Instant.now().isAfter(deadline)) {
                fail("only " + secondDeliveries() + " of " + batches + " crashed batches came back within " + timeout
                        + ": " + functions.deliveries(QUEUE));
            }
            Thread.sleep(250);
        }
    }

    private long secondDeliveries() {
        return functions.deliveries(QUEUE).stream()
                .filter(d -> d.acknowledged() && d.message().receiveCount() == 2).count();
    }
}
