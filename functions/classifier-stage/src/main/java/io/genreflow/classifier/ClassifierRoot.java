package io.genreflow.classifier;

import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.messaging.Route;
import io.genreflow.messaging.WhenUnusable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The classifier function of one representation put together: the one place its handler, settings
 * and queue meet, for the Lambda entry point and the local stack alike. Its model is loaded here,
 * once; closing the router releases it. A body that is not a snippet batch is redelivered, to end
 * in the dead-letter queue the aggregator accounts for.
 */
public final class ClassifierRoot {

    private ClassifierRoot() {
    }

    /**
     * The classifier with the settings {@code source} gives (see {@link ClassifierSettings#DEFINITIONS}).
     *
     * @throws ModelException           when the manifest or model is missing or invalid
     * @throws IllegalArgumentException when a setting is missing or invalid
     */
    public static QueueRouter wire(S3Client s3, SqsClient sqs, Function<String, Optional<String>> source)
            throws ModelException {
        return wire(s3, sqs, ClassifierSettings.from(source));
    }

    /** The classifier with these settings. */
    public static QueueRouter wire(S3Client s3, SqsClient sqs, ClassifierSettings settings) throws ModelException {
        ClassifierHandler classifier = new ClassifierHandler(s3, sqs, settings);
        return new QueueRouter(List.of(Route.of(settings.queues().snippets(settings.representation()),
                SnippetBatchMessage.class, classifier, WhenUnusable.REDELIVER)), List.of(classifier));
    }
}
