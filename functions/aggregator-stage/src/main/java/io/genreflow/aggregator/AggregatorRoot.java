package io.genreflow.aggregator;

import io.genreflow.contracts.BatchFailure;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.QueueNames;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.messaging.Route;
import io.genreflow.messaging.WhenUnusable;
import io.genreflow.storage.TrackStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The aggregator function put together: the one place its handlers, settings and queues meet, for
 * the Lambda entry point and the local stack alike. It consumes the results queue and the
 * dead-letter queues that would otherwise leave a track waiting forever: every snippet queue's, the
 * results queue's and the uploads queue's. A malformed result is redelivered (to end in the results
 * dead-letter queue); a malformed or unusable dead letter is logged and acknowledged, since a
 * dead-letter queue has no dead-letter queue of its own. Trouble reaching S3 always throws.
 */
public final class AggregatorRoot {

    private AggregatorRoot() {
    }

    /**
     * The aggregator with the settings {@code source} gives (see {@link AggregatorSettings#DEFINITIONS}).
     *
     * @throws ModelException           when the manifest is missing or invalid
     * @throws IllegalArgumentException when a setting is missing or invalid
     */
    public static QueueRouter wire(S3Client s3, Function<String, Optional<String>> source) throws ModelException {
        return wire(s3, AggregatorSettings.from(source), Clock.systemUTC());
    }

    /** The aggregator with these settings and clock. */
    public static QueueRouter wire(S3Client s3, AggregatorSettings settings, Clock clock) throws ModelException {
        TrackAccounting accounting = new TrackAccounting(new TrackStore(s3, settings.bucket()),
                ModelManifest.read(settings.manifest()), settings.topK(), clock);
        QueueNames queues = settings.queues();
        List<Route<?>> routes = new ArrayList<>();
        routes.add(Route.of(queues.results(), PartialResult.class, new ResultHandler(accounting),
                WhenUnusable.REDELIVER));
        for (Representation representation : Representation.values()) {
            String deadBatches = QueueNames.deadLetter(queues.snippets(representation));
            routes.add(Route.of(deadBatches, SnippetBatchMessage.class, new FailedBatchHandler<>(accounting,
                    (batch, now) -> BatchFailure.of(batch, "batch " + batch.batch() + " of '"
                            + batch.representation().id() + "' failed on every delivery and went to " + deadBatches
                            + "; the " + batch.representation().id() + " classifier's logs say why", now)),
                    WhenUnusable.ACKNOWLEDGE));
        }
        String deadResults = QueueNames.deadLetter(queues.results());
        routes.add(Route.of(deadResults, PartialResult.class, new FailedBatchHandler<>(accounting,
                (result, now) -> new BatchFailure(SchemaVersion.CURRENT, result.trackId(), result.representation(),
                        result.batch(), "the result of batch " + result.batch() + " of '" + result.representation().id()
                        + "' could not be stored on any delivery and went to " + deadResults
                        + "; the aggregator's logs say why", now.toString())),
                WhenUnusable.ACKNOWLEDGE));
        String deadUploads = QueueNames.deadLetter(queues.uploads());
        routes.add(new Route<>(deadUploads, S3EventNotification::parse,
                new DeadUploadHandler(accounting, settings.bucket(), deadUploads), WhenUnusable.ACKNOWLEDGE));
        return QueueRouter.of(routes);
    }
}
