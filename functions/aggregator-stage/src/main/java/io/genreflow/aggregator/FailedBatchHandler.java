package io.genreflow.aggregator;

import io.genreflow.contracts.BatchFailure;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.messaging.ContractHandler;
import io.genreflow.messaging.UnusableMessageException;
import io.genreflow.storage.Stored;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Notes that a batch will never have a result, from a message on a dead-letter queue (a snippet
 * batch no classifier could score, or a partial result the aggregator could not store), and
 * completes the track if that was the last batch missing. Its representation is then left out of
 * a degraded verdict, or the track fails when nothing usable is left. A dead letter naming a track
 * or batch that does not exist is unusable: retrying cannot help.
 *
 * @param <T> the dead message's type
 */
final class FailedBatchHandler<T> implements ContractHandler<T> {

    private final TrackAccounting accounting;
    private final BiFunction<T, Instant, BatchFailure> failure;

    /** A handler noting the failure {@code failure} makes of each dead message, at the time given. */
    FailedBatchHandler(TrackAccounting accounting, BiFunction<T, Instant, BatchFailure> failure) {
        this.accounting = accounting;
        this.failure = failure;
    }

    @Override
    public void handle(T deadLetter) {
        BatchFailure failed = failure.apply(deadLetter, accounting.clock().instant());
        Optional<Stored<TrackRecord>> track = accounting.classifyingTrack(failed.trackId(), id ->
                new UnusableMessageException("track " + id + " has no record, so it has no batch to fail"));
        if (track.isEmpty()) {
            return;
        }
        if (!TrackAccounting.expects(track.get().value(), failed.representation(), failed.batch())) {
            throw new UnusableMessageException("track " + failed.trackId() + " has no batch " + failed.batch()
                    + " of '" + failed.representation().id() + "'; it expects "
                    + track.get().value().expectedPartials());
        }
        accounting.store().put(failed.key(), failed);
        accounting.account(track.get(), ledger -> ledger.withFailure(failed.representation(), failed.batch()));
    }
}
