package io.genreflow.handlers;

import io.genreflow.contracts.BatchFailure;
import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Representation;
import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueNames;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.scoring.SnippetProbabilities;
import io.genreflow.verdict.VerdictAssembler;
import io.genreflow.storage.MissingObjectException;
import io.genreflow.storage.Stored;
import io.genreflow.storage.TrackStore;
import io.genreflow.storage.WriteConflictException;
import io.genreflow.verdict.NoVerdictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The aggregator: stores each partial result, and when every batch of every representation is
 * accounted for, makes the verdict and marks the track DONE. It also reads the dead-letter queues
 * that would otherwise leave a track waiting forever: a dead snippet batch or a dead partial result
 * is noted as a failed batch (its representation is then missing from a degraded verdict, or the
 * track FAILS when nothing usable is left), a dead upload event fails its track.
 *
 * <p>Results for finished tracks are acknowledged and ignored. A result whose track is still
 * SPLITTING throws, to be delivered again later. The final record is written conditionally on the
 * version read, so two aggregators completing a track at once end in one consistent state.
 *
 * <p>A dead-letter queue has no dead-letter queue of its own: a dead letter that cannot be read, or
 * names a track or batch that does not exist, is logged with its queue and message id and
 * acknowledged, because throwing would deliver it again forever. Trouble reaching S3 still throws:
 * that passes. Thread-safe.
 */
public final class AggregatorHandler implements MessageHandler {

    private static final System.Logger LOG = System.getLogger(AggregatorHandler.class.getName());

    private final AggregatorSettings settings;
    private final Clock clock;
    private final ModelManifest manifest;
    private final VerdictAssembler assembler;
    private final TrackStore store;
    private final Set<String> deadSnippetQueues = new LinkedHashSet<>();
    private final List<String> queues;

    /**
     * An aggregator over this client.
     *
     * @throws ModelException when the manifest is missing or invalid
     */
    public AggregatorHandler(S3Client s3, AggregatorSettings settings, Clock clock)
            throws ModelException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.manifest = ModelManifest.read(settings.manifest());
        this.assembler = new VerdictAssembler(manifest, settings.topK());
        this.store = new TrackStore(s3, settings.bucket());
        for (Representation representation : Representation.values()) {
            deadSnippetQueues.add(QueueNames.deadLetter(settings.queues().snippets(representation)));
        }
        List<String> consumed = new ArrayList<>();
        consumed.add(settings.queues().results());
        consumed.addAll(deadSnippetQueues);
        consumed.add(deadResults());
        consumed.add(deadUploads());
        this.queues = List.copyOf(consumed);
    }

    /**
     * The queues this handler consumes: results, then the dead-letter queues of every snippet queue,
     * of the results queue and of the uploads queue.
     */
    public List<String> queues() {
        return queues;
    }

    /**
     * Handles a partial result, a dead snippet batch, a dead partial result or a dead upload event,
     * by the queue it came from.
     *
     * @throws MalformedContractException when a result from the results queue is not a partial result
     * @throws IllegalArgumentException   when the queue is not one of {@link #queues()}
     */
    @Override
    public void handle(QueueMessage message) {
        String queue = message.queue();
        if (queue.equals(settings.queues().results())) {
            onResult(ContractJson.read(message.body(), PartialResult.class));
            return;
        }
        if (!queues.contains(queue)) {
            throw new IllegalArgumentException("the aggregator does not consume " + queue + "; it reads " + queues);
        }
        try {
            onDeadLetter(message);
        } catch (MalformedContractException | UnusableDeadLetterException e) {
            LOG.log(System.Logger.Level.WARNING, "acknowledging message {0} of {1} without effect, as a dead-letter"
                    + " queue has no dead-letter queue to pass it on to: {2}", message.messageId(), queue,
                    e.getMessage());
        }
    }

    private void onDeadLetter(QueueMessage message) {
        String queue = message.queue();
        if (deadSnippetQueues.contains(queue)) {
            SnippetBatchMessage batch = ContractJson.read(message.body(), SnippetBatchMessage.class);
            onFailedBatch(BatchFailure.of(batch, "batch " + batch.batch() + " of '" + batch.representation()
                    + "' failed on every delivery and went to " + queue + "; the " + batch.representation()
                    + " classifier's logs say why", clock.instant()));
        } else if (queue.equals(deadResults())) {
            PartialResult result = ContractJson.read(message.body(), PartialResult.class);
            onFailedBatch(new BatchFailure(SchemaVersion.CURRENT, result.trackId(), result.representation(),
                    result.batch(), "the result of batch " + result.batch() + " of '" + result.representation()
                    + "' could not be stored on any delivery and went to " + queue + "; the aggregator's logs say why",
                    clock.instant().toString()));
        } else {
            onDeadUpload(S3EventNotification.parse(message.body()), queue);
        }
    }

    private void onResult(PartialResult result) {
        Optional<Stored<TrackRecord>> track = classifyingTrack(result.trackId(), id -> new MissingObjectException(
                S3Keys.trackRecord(id), "track " + id + " has no record yet; the message is retried", null));
        if (track.isEmpty()) {
            return;
        }
        String mismatch = mismatch(track.get().value(), result);
        if (mismatch != null) {
            decide(track.get(), track.get().value().withFailed(PipelineStage.AGGREGATOR, mismatch, clock.instant()));
            return;
        }
        store.put(result.key(), result);
        completeIfAccountedFor(track.get());
    }

    /** Notes that a batch will never have a result, and completes the track if that was the last one missing. */
    private void onFailedBatch(BatchFailure failure) {
        Optional<Stored<TrackRecord>> track = classifyingTrack(failure.trackId(), id -> new UnusableDeadLetterException(
                "track " + id + " has no record, so it has no batch to fail"));
        if (track.isEmpty()) {
            return;
        }
        if (!expects(track.get().value(), failure.representation(), failure.batch())) {
            throw new UnusableDeadLetterException("track " + failure.trackId() + " has no batch " + failure.batch()
                    + " of '" + failure.representation() + "'; it expects " + track.get().value().expectedPartials());
        }
        store.put(failure.key(), failure);
        completeIfAccountedFor(track.get());
    }

    private void onDeadUpload(S3EventNotification event, String queue) {
        for (SourceObject upload : event.createdObjects()) {
            if (!S3Keys.isUpload(upload.key()) || !upload.bucket().equals(settings.bucket())) {
                continue;
            }
            String reason = "the splitter gave up on this upload after repeated failures (its event went to " + queue
                    + "); its logs say why. Upload the file again to retry";
            Optional<Stored<TrackRecord>> track = store.findTrack(upload.trackId());
            if (track.isEmpty()) {
                Instant now = clock.instant();
                try {
                    store.createTrack(TrackRecord.splitting(upload, manifest.modelVersion(), now)
                            .withFailed(PipelineStage.SPLITTER, reason, now));
                } catch (WriteConflictException e) {
                    requireDecided(upload.trackId(), e);
                }
            } else if (!track.get().value().status().isTerminal()) {
                decide(track.get(), track.get().value().withFailed(PipelineStage.SPLITTER, reason, clock.instant()));
            }
        }
    }

    /**
     * The track's record when it is CLASSIFYING; empty when it has finished; throws while it is not
     * yet planned, and what {@code whenMissing} makes when it has no record.
     */
    private Optional<Stored<TrackRecord>> classifyingTrack(TrackId id,
                                                           Function<TrackId, RuntimeException> whenMissing) {
        Stored<TrackRecord> track = store.findTrack(id).orElseThrow(() -> whenMissing.apply(id));
        TrackStatus status = track.value().status();
        if (status == TrackStatus.SPLITTING) {
            throw new IllegalStateException("track " + id + " is still SPLITTING; the message is retried");
        }
        return status.isTerminal() ? Optional.empty() : Optional.of(track);
    }

    /** Why a result cannot belong to the track, in words for the operator; null when it fits. */
    private String mismatch(TrackRecord track, PartialResult result) {
        if (!track.modelVersion().equals(result.modelVersion())
                || !track.modelVersion().equals(manifest.modelVersion())) {
            return "the track was split for model " + track.modelVersion() + " but the '" + result.representation()
                    + "' classifier ran " + result.modelVersion() + " and the aggregator serves "
                    + manifest.modelVersion() + "; deploy one model set to every function and upload the file again";
        }
        if (!expects(track, result.representation(), result.batch())) {
            return "a result for batch " + result.batch() + " of '" + result.representation()
                    + "' arrived, but the track expects " + track.expectedPartials();
        }
        return null;
    }

    private static boolean expects(TrackRecord track, String representation, int batch) {
        Integer batches = track.expectedPartials().get(representation);
        return batches != null && batch < batches;
    }

    /** Makes the verdict once every expected batch has a result or a failure note. */
    private void completeIfAccountedFor(Stored<TrackRecord> stored) {
        TrackRecord track = stored.value();
        Set<String> keys = store.keysUnder(S3Keys.track(track.trackId()));
        Map<String, Boolean> complete = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> expected : track.expectedPartials().entrySet()) {
            Representation representation = Representation.fromId(expected.getKey());
            boolean allResults = true;
            for (int batch = 0; batch < expected.getValue(); batch++) {
                if (!keys.contains(S3Keys.partialResult(track.trackId(), representation, batch))) {
                    if (!keys.contains(S3Keys.batchFailure(track.trackId(), representation, batch))) {
                        return;
                    }
                    allResults = false;
                }
            }
            complete.put(expected.getKey(), allResults);
        }
        Instant started = clock.instant();
        Map<String, float[][]> probabilities = new LinkedHashMap<>();
        Map<String, Long> timingsMs = new LinkedHashMap<>();
        // Two functions' clocks stamp these (a duplicate delivery may have created the record), so
        // skew can make the difference negative; it is a figure to read, not to fail a track on.
        timingsMs.put("split", Math.max(0, Duration.between(Instant.parse(track.createdAt()),
                Instant.parse(track.updatedAt())).toMillis()));
        complete.forEach((representation, allResults) -> {
            if (allResults) {
                List<PartialResult> results = results(track, representation);
                probabilities.put(representation, SnippetProbabilities.fromPartials(results,
                        track.snippets().snippets().size(), manifest.labels().size()));
                timingsMs.put("classify." + representation, results.stream()
                        .flatMap(r -> r.timingsMs().values().stream()).mapToLong(Long::longValue).sum());
            }
        });
        try {
            Instant now = clock.instant();
            timingsMs.put("aggregate", Duration.between(started, now).toMillis());
            store.putVerdict(assembler.assemble(track, probabilities, timingsMs, now));
            decide(stored, track.withDone(now));
        } catch (NoVerdictException e) {
            decide(stored, track.withFailed(PipelineStage.CLASSIFIER, e.getMessage(), clock.instant()));
        }
    }

    private List<PartialResult> results(TrackRecord track, String representation) {
        List<PartialResult> results = new ArrayList<>();
        for (int batch = 0; batch < track.expectedPartials().get(representation); batch++) {
            results.add(store.read(S3Keys.partialResult(track.trackId(), Representation.fromId(representation), batch),
                    PartialResult.class).value());
        }
        return results;
    }

    private String deadResults() {
        return QueueNames.deadLetter(settings.queues().results());
    }

    private String deadUploads() {
        return QueueNames.deadLetter(settings.queues().uploads());
    }

    /** Writes a final record, unless another aggregator decided the track first. */
    private void decide(Stored<TrackRecord> current, TrackRecord next) {
        try {
            store.replaceTrack(current, next);
        } catch (WriteConflictException e) {
            requireDecided(next.trackId(), e);
        }
    }

    /** After losing a write race: fine when the winner finished the track, else the message is retried. */
    private void requireDecided(TrackId id, WriteConflictException lost) {
        boolean decided = store.findTrack(id).map(track -> track.value().status().isTerminal()).orElse(false);
        if (!decided) {
            throw lost;
        }
    }

    /** A dead letter that names no track or batch the aggregator knows; acknowledged, as retrying cannot help. */
    private static final class UnusableDeadLetterException extends RuntimeException {

        UnusableDeadLetterException(String message) {
            super(message);
        }
    }
}
