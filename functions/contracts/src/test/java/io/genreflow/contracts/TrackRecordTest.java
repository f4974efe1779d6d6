package io.genreflow.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackRecordTest {

    private static final Instant DONE_AT = Instant.parse("2026-11-20T09:17:12Z");

    @Test
    void aNewTrackIsSplittingAndNamedAfterItsUpload() {
        TrackRecord track = Samples.splitting();

        assertEquals(TrackStatus.SPLITTING, track.status());
        assertEquals(Samples.source().trackId(), track.trackId());
        assertEquals("jazz/take five.mp3", track.name());
        assertEquals(track.createdAt(), track.updatedAt());
        assertNull(track.audio());
    }

    @Test
    void theHappyPathMovesSplittingToClassifyingToDone() {
        TrackRecord classifying = Samples.classifying();
        TrackRecord done = classifying.withDone(DONE_AT);

        assertEquals(TrackStatus.CLASSIFYING, classifying.status());
        assertEquals(Samples.plan(), classifying.snippets());
        assertEquals(Map.of("chroma", 1, "logmel", 2, "spectrogram", 2, "waveform", 1), classifying.expectedPartials());
        assertEquals(TrackStatus.DONE, done.status());
        assertEquals(Samples.CREATED.toString(), done.createdAt());
        assertEquals(DONE_AT.toString(), done.updatedAt());
        assertEquals(classifying.energy(), done.energy());
    }

    @Test
    void transitionsArePureAndLeaveTheOriginalUntouched() {
        TrackRecord splitting = Samples.splitting();
        splitting.withFailed(PipelineStage.SPLITTER, "MP3: file truncated", DONE_AT);

        assertEquals(Samples.splitting(), splitting);
    }

    @Test
    void eitherWorkingStageMayFailWithAReasonAndStage() {
        TrackRecord duringSplit = Samples.splitting()
                .withFailed(PipelineStage.SPLITTER, "FLAC: stream ends mid-frame after 1.4 s (file truncated?)", DONE_AT);
        TrackRecord duringClassify = Samples.classifying()
                .withFailed(PipelineStage.CLASSIFIER, "every logmel batch failed", DONE_AT);

        assertEquals(TrackStatus.FAILED, duringSplit.status());
        assertEquals(new TrackRecord.Failure(PipelineStage.SPLITTER,
                "FLAC: stream ends mid-frame after 1.4 s (file truncated?)"), duringSplit.failure());
        assertNull(duringSplit.audio());
        assertEquals(Samples.audio(), duringClassify.audio(), "what was learnt before the failure is kept");
    }

    @Test
    void illegalTransitionsAreRefused() {
        TrackRecord done = Samples.classifying().withDone(DONE_AT);
        TrackRecord failed = Samples.splitting().withFailed(PipelineStage.SPLITTER, "not audio", DONE_AT);

        IllegalStateException backwards = assertThrows(IllegalStateException.class,
                () -> done.withClassifying(Samples.audio(), Samples.plan(), Samples.expectedPartials(), Samples.energy(),
                        DONE_AT));
        assertTrue(backwards.getMessage().contains("DONE") && backwards.getMessage().contains("CLASSIFYING"),
                backwards.getMessage());
        assertThrows(IllegalStateException.class, () -> done.withFailed(PipelineStage.AGGREGATOR, "late", DONE_AT));
        assertThrows(IllegalStateException.class, () -> failed.withDone(DONE_AT));
        assertThrows(IllegalStateException.class, () -> failed.withFailed(PipelineStage.CLASSIFIER, "again", DONE_AT));
        assertThrows(IllegalStateException.class, () -> Samples.splitting().withDone(DONE_AT));
        assertThrows(IllegalStateException.class, () -> Samples.classifying().withClassifying(Samples.audio(),
                Samples.plan(), Samples.expectedPartials(), Samples.energy(), DONE_AT));
    }

    @Test
    void statusRulesAreTheStateMachine() {
        for (TrackStatus from : TrackStatus.values()) {
            for (TrackStatus to : TrackStatus.values()) {
                boolean forward = (from == TrackStatus.SPLITTING && to == TrackStatus.CLASSIFYING)
                        || (from == TrackStatus.CLASSIFYING && to == TrackStatus.DONE)
                        || (!from.isTerminal() && to == TrackStatus.FAILED);
                assertEquals(forward, from.canMoveTo(to), from + " -> " + to);
            }
        }
        assertFalse(TrackStatus.CLASSIFYING.isTerminal());
        assertTrue(TrackStatus.DONE.isTerminal());
    }

    @Test
    void inconsistentRecordsCannotBeBuilt() {
        TrackRecord ok = Samples.classifying();
        SourceObject otherVersion = new SourceObject("genreflow-demo", "uploads/jazz/take five.mp3", "v2", null, 1, null);

        assertThrows(IllegalArgumentException.class, () -> new TrackRecord(1, ok.trackId(), otherVersion, ok.name(),
                ok.status(), ok.audio(), ok.snippets(), ok.expectedPartials(), ok.energy(), ok.modelVersion(), null,
                ok.createdAt(), ok.updatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new TrackRecord(1, ok.trackId(), ok.source(), ok.name(),
                TrackStatus.CLASSIFYING, null, ok.snippets(), ok.expectedPartials(), ok.energy(), ok.modelVersion(), null,
                ok.createdAt(), ok.updatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new TrackRecord(1, ok.trackId(), ok.source(), ok.name(),
                TrackStatus.FAILED, ok.audio(), ok.snippets(), ok.expectedPartials(), ok.energy(), ok.modelVersion(),
                null, ok.createdAt(), ok.updatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new TrackRecord(1, ok.trackId(), ok.source(), ok.name(),
                ok.status(), ok.audio(), ok.snippets(), Map.of("mfcc", 1), ok.energy(), ok.modelVersion(), null,
                ok.createdAt(), ok.updatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new TrackRecord(1, ok.trackId(), ok.source(), ok.name(),
                ok.status(), ok.audio(), ok.snippets(), ok.expectedPartials(), ok.energy(), ok.modelVersion(), null,
                "yesterday", ok.updatedAt()));
        assertThrows(IllegalArgumentException.class,
                () -> Samples.splitting().withFailed(PipelineStage.SPLITTER, " ", DONE_AT));
    }

    @Test
    void audioDurationMatchesItsSamples() {
        assertEquals(30.0, Samples.audio().durationSeconds());
        assertThrows(IllegalArgumentException.class,
                () -> new AudioInfo(SourceFormat.WAV, 1, 8000, 22_050, 22_050, 2.0));
    }
}
