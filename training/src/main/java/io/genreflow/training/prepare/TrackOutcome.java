package io.genreflow.training.prepare;

import java.util.List;
import java.util.Objects;

/**
 * What preparing one track produced: its snippet rows in shard order, or why it was skipped.
 *
 * @param track           the track's index in the {@link TrackList}
 * @param durationSeconds the original audio's length at the model's rate; null when skipped
 * @param skipped         why the track could not be prepared; null when it was
 * @param rows            the rows written for the track, in order (empty when skipped)
 */
public record TrackOutcome(int track, Double durationSeconds, String skipped, List<Row> rows) {

    /**
     * One snippet row.
     *
     * @param augmentation the variant's name
     * @param startSample  the snippet's first sample in the variant's signal
     * @param silent       whether the snippet is below the silence threshold
     */
    public record Row(String augmentation, long startSample, boolean silent) {

        public Row {
            Objects.requireNonNull(augmentation, "augmentation");
        }
    }

    public TrackOutcome {
        rows = rows == null ? List.of() : List.copyOf(rows);
        if ((durationSeconds == null) == (skipped == null)) {
            throw new IllegalArgumentException("a track outcome has either a duration or a reason for skipping, got "
                    + durationSeconds + " and " + skipped);
        }
        if (skipped != null && !rows.isEmpty()) {
            throw new IllegalArgumentException("a skipped track has no rows");
        }
    }

    static TrackOutcome prepared(int track, double durationSeconds, List<Row> rows) {
        return new TrackOutcome(track, durationSeconds, null, rows);
    }

    static TrackOutcome skipped(int track, String reason) {
        return new TrackOutcome(track, null, reason, List.of());
    }

    public boolean wasSkipped() {
        return skipped != null;
    }
}
