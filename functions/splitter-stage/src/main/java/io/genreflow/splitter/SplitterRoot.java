package io.genreflow.splitter;

import io.genreflow.contracts.S3EventNotification;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.messaging.Route;
import io.genreflow.messaging.WhenUnusable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The splitter function put together: the one place its handler, settings and queue meet. The
 * Lambda entry point and the local stack both build it here. An upload event that is not an S3
 * event notification is redelivered, to end in the uploads dead-letter queue the aggregator reads.
 */
public final class SplitterRoot {

    private SplitterRoot() {
    }

    /**
     * The splitter with the settings {@code source} gives (see {@link SplitterSettings#DEFINITIONS}).
     *
     * @throws ModelException           when the manifest is missing or invalid
     * @throws IllegalArgumentException when a setting is missing or invalid
     */
    public static QueueRouter wire(S3Client s3, SqsClient sqs, Function<String, Optional<String>> source)
            throws ModelException {
        return wire(s3, sqs, SplitterSettings.from(source), Clock.systemUTC());
    }

    /** The splitter with these settings and clock. */
    public static QueueRouter wire(S3Client s3, SqsClient sqs, SplitterSettings settings, Clock clock)
            throws ModelException {
        SplitterHandler splitter = new SplitterHandler(s3, sqs, settings, clock);
        return QueueRouter.of(List.of(new Route<>(settings.queues().uploads(), S3EventNotification::parse, splitter,
                WhenUnusable.REDELIVER)));
    }
}
