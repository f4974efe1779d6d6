package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.BatchLedger;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.storage.TrackStore;

/**
 * How far a track has come: the batches the aggregator's {@link BatchLedger} accounts for (stored
 * results and dead-batch notes) against the batches the splitter sent. One small read per
 * unfinished track, the same document the aggregator decides completeness from.
 */
public final class TrackProgress {

    private final TrackStore store;

    public TrackProgress(TrackStore store) {
        this.store = store;
    }

    /**
     * Progress counts.
     *
     * @param partialsIn       results (or failure notes) stored so far
     * @param partialsExpected results the track waits for; 0 while it is being split
     */
    public record Progress(int partialsIn, int partialsExpected) {

        /** Done as a whole number of percent, 0 while the expected count is unknown. */
        public int percent() {
            return partialsExpected == 0 ? 0 : (int) Math.floor(100.0 * partialsIn / partialsExpected);
        }
    }

    /** The progress of {@code record}; reads the track's ledger only while it is classifying or failed. */
    public Progress of(TrackRecord record) {
        int expected = record.expectedPartials().values().stream().mapToInt(Integer::intValue).sum();
        return switch (record.status()) {
            case SPLITTING -> new Progress(0, 0);
            case DONE -> new Progress(expected, expected);
            case CLASSIFYING, FAILED -> new Progress(expected == 0 ? 0 : accounted(record), expected);
        };
    }

    private int accounted(TrackRecord record) {
        return store.find(S3Keys.batchLedger(record.trackId()), BatchLedger.class)
                .map(ledger -> ledger.value().accountedBatches(record)).orElse(0);
    }
}
