package io.genreflow.aggregator;

import io.genreflow.contracts.BatchLedger;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.storage.Stored;
import io.genreflow.storage.TrackStore;
import io.genreflow.storage.WriteConflictException;
import io.genreflow.verdict.NoVerdictException;
import io.genreflow.verdict.SnippetProbabilities;
import io.genreflow.verdict.VerdictAssembler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the aggregator's handlers share: reading a track's record, accounting for its batches in the
 * track's {@link BatchLedger}, and making the verdict once every batch is accounted for. The ledger
 * is replaced conditionally on the version read and re-read when another aggregator wrote first, so
 * concurrent aggregators and duplicate deliveries all end with every batch in it exactly once.
 * The final record is written conditionally too, so two aggregators completing a track at once end
 * in one consistent state. Thread-safe.
 */
final class TrackAccounting {

    private static final System.Logger LOG = System.getLogger(TrackAccounting.class.getName());
    /** Ledger writes tried before the message is left to be redelivered. */
    private static final int LEDGER_ATTEMPTS = 20;
    private static final long LEDGER_BACKOFF_MILLIS = 20;

    private final TrackStore store;
    private final ModelManifest manifest;
    private final VerdictAssembler assembler;
    private final Clock clock;

    TrackAccounting(TrackStore store, ModelManifest manifest, int topK, Clock clock) {
        this.store = store;
        this.manifest = manifest;
        this.assembler = new VerdictAssembler(manifest, topK);
        this.clock = clock;
    }

    TrackStore store() {
        return store;
    }

    ModelManifest manifest() {
        return manifest;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The track's record when it is CLASSIFYING; empty when it has finished; throws while it is not
     * yet planned, and what {@code whenMissing} makes when it has no record.
     */
    Optional<Stored<TrackRecord>> classifyingTrack(TrackId id, Function<TrackId, RuntimeException> whenMissing) {
        Stored<TrackRecord> track = store.findTrack(id).orElseThrow(() -> whenMissing.apply(id));
        TrackStatus status = track.value().status();
        if (status == TrackStatus.SPLITTING) {
            throw new IllegalStateException("track " + id + " is still SPLITTING; the message is retried");
        }
        return status.isTerminal() ? Optional.empty() : Optional.of(track);
    }

    static boolean expects(TrackRecord track, Representation representation, int batch) {
        return batch < track.expectedBatches(representation);
    }

    /**
     * Notes in the ledger what {@code change} adds, then makes the verdict if that accounts for
     * every batch. A ledger that already accounts for every batch (a redelivery after a crash
     * before the verdict) makes the verdict again; the conditional record write keeps one.
     */
    void account(Stored<TrackRecord> track, UnaryOperator<BatchLedger> change) {
        BatchLedger ledger = record(track.value().trackId(), change);
        if (ledger.accountsFor(track.value())) {
            complete(track, ledger);
        }
    }

    private BatchLedger record(TrackId id, UnaryOperator<BatchLedger> change) {
        String key = S3Keys.batchLedger(id);
        for (int attempt = 1; ; attempt++) {
            Optional<Stored<BatchLedger>> current = store.find(key, BatchLedger.class);
            BatchLedger before = current.map(Stored::value).orElseGet(() -> BatchLedger.empty(id));
            BatchLedger after = change.apply(before);
            if (after.equals(before) && current.isPresent()) {
                return after;
            }
            try {
                if (current.isEmpty()) {
                    store.create(key, after);
                } else {
                    store.replace(key, current.get().eTag(), after);
                }
                return after;
            } catch (WriteConflictException e) {
                if (attempt == LEDGER_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private void complete(Stored<TrackRecord> stored, BatchLedger ledger) {
        TrackRecord track = stored.value();
        Instant started = clock.instant();
        Map<String, float[][]> probabilities = new LinkedHashMap<>();
        Map<String, Long> timingsMs = new LinkedHashMap<>();
        // Two functions' clocks stamp these (a duplicate delivery may have created the record), so
        // skew can make the difference negative; it is a figure to read, not to fail a track on.
        timingsMs.put("split", Math.max(0, Duration.between(Instant.parse(track.createdAt()),
                Instant.parse(track.updatedAt())).toMillis()));
        for (Representation representation : track.expectedRepresentations()) {
            Optional<List<PartialResult>> readable = ledger.hasAllResults(representation,
                    track.expectedBatches(representation)) ? results(track, representation) : Optional.empty();
            if (readable.isPresent()) {
                List<PartialResult> results = readable.get();
                probabilities.put(representation.id(), SnippetProbabilities.fromPartials(results,
                        track.snippets().snippets().size(), manifest.labels().size()));
                timingsMs.put("classify." + representation.id(), results.stream()
                        .flatMap(r -> r.timingsMs().values().stream()).mapToLong(Long::longValue).sum());
            }
        }
        try {
            Instant now = clock.instant();
            timingsMs.put("aggregate", Duration.between(started, now).toMillis());
            store.putVerdict(assembler.assemble(track, probabilities, timingsMs, now));
            decide(stored, track.withDone(now));
        } catch (NoVerdictException e) {
            decide(stored, track.withFailed(PipelineStage.CLASSIFIER, e.getMessage(), clock.instant()));
        }
    }

    /**
     * The representation's results, or empty when one is gone although the ledger holds it: the
     * working data expired while the track waited (see docs/pipeline.md). The verdict then leaves
     * the representation out, as for a dead batch, rather than waiting for results that never return.
     */
    private Optional<List<PartialResult>> results(TrackRecord track, Representation representation) {
        List<PartialResult> results = new ArrayList<>();
        for (int batch = 0; batch < track.expectedBatches(representation); batch++) {
            Optional<Stored<PartialResult>> result = store.find(
                    S3Keys.partialResult(track.trackId(), representation, batch), PartialResult.class);
            if (result.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "track {0}: {1} result of batch {2} is gone (working data"
                        + " expired?); the verdict leaves {1} out", track.trackId(), representation.id(), batch);
                return Optional.empty();
            }
            results.add(result.get().value());
        }
        return Optional.of(results);
    }

    /** Writes a final record, unless another aggregator decided the track first. */
    void decide(Stored<TrackRecord> current, TrackRecord next) {
        try {
            store.replaceTrack(current, next);
        } catch (WriteConflictException e) {
            requireDecided(next.trackId(), e);
        }
    }

    /** After losing a write race: fine when the winner finished the track, else the message is retried. */
    void requireDecided(TrackId id, WriteConflictException lost) {
        boolean decided = store.findTrack(id).map(track -> track.value().status().isTerminal()).orElse(false);
        if (!decided) {
            throw lost;
        }
    }

    /** A short random pause, so aggregators that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, LEDGER_BACKOFF_MILLIS * Math.min(attempt, 5) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a ledger write", e);
        }
    }
}
