package io.genreflow.aggregator;

import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.messaging.ContractHandler;
import io.genreflow.storage.MissingObjectException;
import io.genreflow.storage.Stored;
import java.util.Optional;

/**
 * Stores each partial result from the results queue and makes the verdict when it was the last
 * batch missing. A result for a finished track is acknowledged and ignored; one whose track has no
 * record yet, or is still SPLITTING, throws, to be delivered again later. A result that cannot
 * belong to its track (another model version, a batch the track never expected) fails the track
 * with the reason.
 */
final class ResultHandler implements ContractHandler<PartialResult> {

    private final TrackAccounting accounting;

    ResultHandler(TrackAccounting accounting) {
        this.accounting = accounting;
    }

    @Override
    public void handle(PartialResult result) {
        Optional<Stored<TrackRecord>> track = accounting.classifyingTrack(result.trackId(), id ->
                new MissingObjectException(S3Keys.trackRecord(id), "track " + id + " has no record yet; the message is"
                        + " retried", null));
        if (track.isEmpty()) {
            return;
        }
        String mismatch = mismatch(track.get().value(), result);
        if (mismatch != null) {
            accounting.decide(track.get(), track.get().value().withFailed(PipelineStage.AGGREGATOR, mismatch,
                    accounting.clock().instant()));
            return;
        }
        accounting.store().put(result.key(), result);
        accounting.account(track.get(), ledger -> ledger.withResult(result.representation(), result.batch()));
    }

    /** Why a result cannot belong to the track, in words for the operator; null when it fits. */
    private String mismatch(TrackRecord track, PartialResult result) {
        String serving = accounting.manifest().modelVersion();
        if (!track.modelVersion().equals(result.modelVersion()) || !track.modelVersion().equals(serving)) {
            return "the track was split for model " + track.modelVersion() + " but the '" + result.representation().id()
                    + "' classifier ran " + result.modelVersion() + " and the aggregator serves " + serving
                    + "; deploy one model set to every function and upload the file again";
        }
        if (!TrackAccounting.expects(track, result.representation(), result.batch())) {
            return "a result for batch " + result.batch() + " of '" + result.representation().id()
                    + "' arrived, but the track expects " + track.expectedPartials();
        }
        return null;
    }
}
