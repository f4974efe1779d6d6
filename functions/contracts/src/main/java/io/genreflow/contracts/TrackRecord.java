package io.genreflow.contracts;

import io.genreflow.snippets.SnippetPlan;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A track's state, stored at {@code tracks/<id>/track.json}: where the upload came from, what the
 * splitter found and planned, what the aggregator waits for, and how it ended.
 *
 * <p>Records change only through the {@code with…} transitions, which follow
 * {@link TrackStatus#canMoveTo} and refuse anything else (nothing leaves DONE or FAILED). A
 * function handling a redelivered message checks {@link TrackStatus#isTerminal()} first and skips
 * work that is already finished.
 *
 * @param schemaVersion    {@link SchemaVersion#CURRENT} when written
 * @param trackId          the track, always {@code source.trackId()}
 * @param source           the uploaded object version
 * @param name             the upload's name (its key without {@code uploads/}), shown to users
 * @param status           where the track is
 * @param audio            what decoding found; null until CLASSIFYING (and when splitting failed)
 * @param snippets         the snippet plan; null until CLASSIFYING (and when splitting failed)
 * @param expectedPartials representation id to the number of batches sent to it; the track is
 *                         complete when that many partial results per representation are stored
 * @param energy           the track's energy; null until CLASSIFYING (and when splitting failed)
 * @param modelVersion     the model version serving this track
 * @param failure          why and where the track failed; only when FAILED
 * @param createdAt        when the splitter first saw the upload (ISO-8601)
 * @param updatedAt        when the record last changed (ISO-8601)
 */
public record TrackRecord(
        int schemaVersion,
        TrackId trackId,
        SourceObject source,
        String name,
        TrackStatus status,
        AudioInfo audio,
        SnippetPlan snippets,
        Map<String, Integer> expectedPartials,
        Energy energy,
        String modelVersion,
        Failure failure,
        String createdAt,
        String updatedAt) {

    public TrackRecord {
        SchemaVersion.check(schemaVersion, "track record");
        Checks.present(source, "source object");
        if (!source.trackId().equals(trackId)) {
            throw new IllegalArgumentException("track id " + trackId + " does not belong to " + source.key()
                    + " (expected " + source.trackId() + ")");
        }
        Checks.text(name, "track name");
        Checks.present(status, "status");
        expectedPartials = batchCounts(expectedPartials);
        Checks.text(modelVersion, "model version");
        createdAt = Checks.instant(createdAt, "createdAt");
        updatedAt = Checks.instant(updatedAt, "updatedAt");
        boolean planned = audio != null && snippets != null && !expectedPartials.isEmpty() && energy != null;
        boolean unplanned = audio == null && snippets == null && expectedPartials.isEmpty() && energy == null;
        switch (status) {
            case SPLITTING -> require(unplanned, "a SPLITTING track has no audio info, plan or energy yet");
            case CLASSIFYING, DONE -> require(planned, "a " + status + " track needs its audio info, snippet plan,"
                    + " expected partial results and energy");
            case FAILED -> require(planned || unplanned, "a FAILED track has either all or none of its audio info,"
                    + " snippet plan, expected partial results and energy");
        }
        require((status == TrackStatus.FAILED) == (failure != null), "a failure reason goes with FAILED and only with it");
    }

    /**
     * A new track: the splitter has just picked up an upload.
     *
     * @throws IllegalArgumentException when the object is not an upload (see {@link S3Keys#isUpload})
     */
    public static TrackRecord splitting(SourceObject source, String modelVersion, Instant now) {
        String at = now.toString();
        return new TrackRecord(SchemaVersion.CURRENT, source.trackId(), source, S3Keys.uploadName(source.key()),
                TrackStatus.SPLITTING, null, null, Map.of(), null, modelVersion, null, at, at);
    }

    /** The splitter has written the PCM and sent every batch. */
    public TrackRecord withClassifying(AudioInfo audio, SnippetPlan snippets, Map<String, Integer> expectedPartials,
                                       Energy energy, Instant now) {
        requireMove(TrackStatus.CLASSIFYING);
        return new TrackRecord(schemaVersion, trackId, source, name, TrackStatus.CLASSIFYING, audio, snippets,
                expectedPartials, energy, modelVersion, null, createdAt, now.toString());
    }

    /** The representations batches were sent to, in id order. */
    public List<Representation> expectedRepresentations() {
        return expectedPartials.keySet().stream().map(Representation::fromId).toList();
    }

    /** How many batches {@code representation} was sent; 0 when none. */
    public int expectedBatches(Representation representation) {
        return expectedPartials.getOrDefault(representation.id(), 0);
    }

    /** The verdict is stored. */
    public TrackRecord withDone(Instant now) {
        requireMove(TrackStatus.DONE);
        return new TrackRecord(schemaVersion, trackId, source, name, TrackStatus.DONE, audio, snippets,
                expectedPartials, energy, modelVersion, null, createdAt, now.toString());
    }

    /**
     * The track cannot be finished.
     *
     * @param reason what went wrong in words the uploader can act on, e.g. "MP3: stream ends
     *               mid-frame after 12.4 s (file truncated?)"
     */
    public TrackRecord withFailed(PipelineStage stage, String reason, Instant now) {
        requireMove(TrackStatus.FAILED);
        return new TrackRecord(schemaVersion, trackId, source, name, TrackStatus.FAILED, audio, snippets,
                expectedPartials, energy, modelVersion, new Failure(stage, reason), createdAt, now.toString());
    }

    private void requireMove(TrackStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("track " + trackId + " (" + name + ") is " + status
                    + " and cannot become " + next);
        }
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }

    private static Map<String, Integer> batchCounts(Map<String, Integer> expected) {
        Map<String, Integer> sorted = new TreeMap<>();
        if (expected != null) {
            expected.forEach((representation, batches) -> sorted.put(Checks.representation(representation),
                    Checks.positive(Checks.present(batches, "batch count of " + representation),
                            "batch count of " + representation)));
        }
        return Collections.unmodifiableMap(sorted);
    }

    /**
     * Why a track failed.
     *
     * @param stage  the function that gave up
     * @param reason what went wrong, in words the uploader can act on
     */
    public record Failure(PipelineStage stage, String reason) {

        public Failure {
            Checks.present(stage, "failure stage");
            Checks.text(reason, "failure reason");
        }
    }
}
