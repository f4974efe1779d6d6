package io.genreflow.local;

import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged stack stopped half-way through a batch of uploads, then started again on the same
 * data folder: every upload still ends in exactly one finished track with one verdict, and tracks
 * finished before the stop are not processed again.
 */
class PipelineRestartIT {

    private static final int UPLOADS = 40;
    private static final double CLIP_SECONDS = 6;
    /** Short long-polls, so a graceful stop does not wait out a 20-s receive. */
    private static final List<String> SETTINGS = List.of("-Dgenreflow.pollers.wait-time=2S");

    @TempDir
    Path dataDir;

    @Test
    void workInterruptedByAGracefulStopResumesAfterRestart() {
        interruptAndResume(StackProcess::stop);
    }

    @Test
    void workInterruptedByACrashResumesAfterRestart() {
        interruptAndResume(StackProcess::kill);
    }

    private void interruptAndResume(Consumer<StackProcess> interruption) {
        Map<String, LoadDriver.Upload> uploads;
        Map<String, String> finishedBefore;
        try (StackProcess first = StackProcess.start(dataDir, SETTINGS)) {
            LoadDriver driver = new LoadDriver(first.s3(), first.bucket());
            uploads = driver.uploadAll(IntStream.range(0, UPLOADS)
                    .mapToObj(i -> new LoadDriver.Clip(String.format("restart-%02d.wav", i),
                            () -> RequestBody.fromBytes(GeneratedAudio.musicWav(CLIP_SECONDS, 1000 + i))))
                    .toList(), 8);
            finishedBefore = awaitSomeFinished(driver, first);
            interruption.accept(first);
        }
        assertFalse(finishedBefore.isEmpty(), "some tracks finished before the interruption");
        assertTrue(finishedBefore.size() < UPLOADS, "the interruption came too late: every track had finished");

        try (StackProcess second = StackProcess.start(dataDir, SETTINGS)) {
            LoadDriver driver = new LoadDriver(second.s3(), second.bucket());
            List<TrackRecord> tracks = driver.awaitFinished(uploads.keySet(), Duration.ofMinutes(3));

            Map<String, List<TrackRecord>> byUpload = tracks.stream()
                    .collect(Collectors.groupingBy(track -> track.source().key()));
            assertEquals(uploads.keySet(), byUpload.keySet(), "one track per upload, none lost");
            byUpload.forEach((key, records) -> {
                assertEquals(1, records.size(), key + " became " + records.size() + " tracks");
                assertEquals(TrackStatus.DONE, records.get(0).status(), key + ": " + records.get(0).failure());
                assertEquals(uploads.get(key).eTag(), records.get(0).source().eTag());
            });
            Map<String, LoadDriver.StoredVerdict> verdicts = driver.verdicts();
            assertEquals(uploads.keySet().stream().map(S3Keys::verdictForUpload).collect(Collectors.toSet()),
                    verdicts.keySet(), "one verdict per upload");
            verdicts.forEach((key, stored) -> assertEquals(
                    uploads.get(stored.verdict().source().key()).eTag(), stored.verdict().source().eTag(), key));
            finishedBefore.forEach((verdictKey, eTag) -> assertEquals(eTag, verdicts.get(verdictKey).eTag(),
                    verdictKey + " was written again after the restart, though its track had finished"));
        }
    }

    /**
     * Waits until at least one track is DONE and returns the verdict copies of the DONE tracks with
     * their ETags (a verdict's content carries the moment it was made, so a re-made verdict has
     * another ETag). Only DONE tracks count: the aggregator writes the verdict just before the DONE
     * record, so a verdict of an unfinished track may be made again.
     */
    private static Map<String, String> awaitSomeFinished(LoadDriver driver, StackProcess stack) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> finished = new TreeMap<>();
            for (TrackRecord track : driver.trackRecords()) {
                if (track.status() == TrackStatus.DONE) {
                    String key = S3Keys.verdictForUpload(track.source().key());
                    HeadObjectResponse head = stack.s3().headObject(h -> h.bucket(stack.bucket()).key(key));
                    finished.put(key, LoadDriver.unquoted(head.eTag()));
                }
            }
            if (!finished.isEmpty()) {
                return finished;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no track finished within 2 minutes; tracks: " + driver.statusCounts());
    }
}
