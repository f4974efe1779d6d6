package io.genreflow.contracts;


import java.time.Instant;

/**
 * The aggregator's note that one snippet batch will never be classified: its message failed every
 * delivery and ended in the representation's dead-letter queue. Stored at {@link #key()}, beside
 * where the batch's {@link PartialResult} would be, it accounts for the batch, so the track can
 * complete with that representation missing (a degraded verdict) instead of waiting forever.
 *
 * @param schemaVersion  {@link SchemaVersion#CURRENT} when written
 * @param trackId        the track
 * @param representation the representation
 * @param batch          the batch index
 * @param reason         what is known about the failure, for whoever investigates
 * @param failedAt       when the aggregator recorded it (ISO-8601)
 */
public record BatchFailure(int schemaVersion, TrackId trackId, Representation representation, int batch, String reason,
                           String failedAt) {

    public BatchFailure {
        SchemaVersion.check(schemaVersion, "batch failure");
        Checks.present(trackId, "track id");
        Checks.present(representation, "representation");
        Checks.nonNegative(batch, "batch");
        Checks.text(reason, "failure reason");
        failedAt = Checks.instant(failedAt, "failedAt");
    }

    /** The failure of the batch {@code message} ordered. */
    public static BatchFailure of(SnippetBatchMessage message, String reason, Instant now) {
        return new BatchFailure(SchemaVersion.CURRENT, message.trackId(), message.representation(), message.batch(),
                reason, now.toString());
    }

    /** Where the aggregator stores this note. */
    public String key() {
        return S3Keys.batchFailure(trackId, representation, batch);
    }
}
