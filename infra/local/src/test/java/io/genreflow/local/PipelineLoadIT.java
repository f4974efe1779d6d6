package io.genreflow.local;

import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many uploads at once through the packaged stack: every one becomes exactly one finished track
 * with exactly one verdict, about that very upload; nothing is lost or doubled.
 */
class PipelineLoadIT {

    private static final int UPLOADS = 200;
    private static final double CLIP_SECONDS = 4;

    @TempDir
    Path dataDir;
    private StackProcess stack;

    @BeforeEach
    void startStack() {
        // Short long-polls, so stopping does not wait out a 20-s receive.
        stack = StackProcess.start(dataDir, List.of("-Dgenreflow.pollers.wait-time=2S"));
    }

    @AfterEach
    void stopStack() {
        stack.close();
    }

    @Test
    void everyUploadOfABurstGetsExactlyOneVerdict() {
        LoadDriver driver = new LoadDriver(stack.s3(), stack.bucket());
        List<LoadDriver.Clip> clips = IntStream.range(0, UPLOADS)
                .mapToObj(i -> new LoadDriver.Clip(String.format("load-%03d.wav", i),
                        () -> RequestBody.fromBytes(GeneratedAudio.musicWav(CLIP_SECONDS, i))))
                .toList();

        Map<String, LoadDriver.Upload> uploads = driver.uploadAll(clips, 16);
        assertEquals(UPLOADS, uploads.values().stream().map(LoadDriver.Upload::eTag).distinct().count(),
                "every clip has its own content");
        List<TrackRecord> tracks = driver.awaitFinished(uploads.keySet(), Duration.ofMinutes(4));

        Map<String, List<TrackRecord>> tracksByUpload = tracks.stream()
                .collect(Collectors.groupingBy(track -> track.source().key()));
        assertEquals(uploads.keySet(), tracksByUpload.keySet(), "one track per upload, and no other");
        tracksByUpload.forEach((key, records) -> {
            assertEquals(1, records.size(), key + " became " + records.size() + " tracks");
            TrackRecord track = records.get(0);
            assertEquals(TrackStatus.DONE, track.status(), key + ": " + track.failure());
            assertEquals(uploads.get(key).eTag(), track.source().eTag(), key + "'s track is about another version");
        });

        Map<String, LoadDriver.StoredVerdict> verdicts = driver.verdicts();
        assertEquals(uploads.keySet().stream().map(S3Keys::verdictForUpload).collect(Collectors.toSet()),
                verdicts.keySet(), "one verdict copy per upload, and no other");
        Map<String, TrackRecord> trackByUpload = tracks.stream()
                .collect(Collectors.toMap(track -> track.source().key(), Function.identity()));
        for (LoadDriver.Upload upload : uploads.values()) {
            LoadDriver.StoredVerdict stored = verdicts.get(S3Keys.verdictForUpload(upload.key()));
            assertEquals(upload.key(), stored.verdict().source().key());
            assertEquals(upload.eTag(), stored.verdict().source().eTag(), upload.key() + "'s verdict is about another file");
            assertEquals(trackByUpload.get(upload.key()).trackId(), stored.verdict().trackId());
        }
        Set<String> trackVerdicts = driver.keysUnder(S3Keys.TRACKS_PREFIX).stream()
                .filter(key -> key.endsWith("/verdict.json")).collect(Collectors.toSet());
        assertEquals(tracks.stream().map(track -> S3Keys.verdict(track.trackId())).collect(Collectors.toSet()),
                trackVerdicts, "one verdict.json per track");
    }
}
