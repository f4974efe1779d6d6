package io.genreflow.function.splitter;

import io.genreflow.handlers.SplitterHandler;
import io.genreflow.handlers.SplitterSettings;
import io.genreflow.messaging.QueueNames;
import io.genreflow.manifest.ModelException;
import io.genreflow.split.SplitLimits;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Makes the one splitter of this container, at start-up, so the Lambda init phase reads the manifest. */
public class SplitterProducer {

    @Produces
    @Singleton
    @Startup
    SplitterHandler splitter(S3Client s3, SqsClient sqs, SplitterConfig config) throws ModelException {
        SplitterConfig.Splitter splitter = config.splitter();
        SplitLimits limits = new SplitLimits(splitter.maxBytes().orElse(SplitLimits.DEFAULT_MAX_BYTES),
                splitter.maxDurationSeconds().orElse(SplitLimits.DEFAULT_MAX_DURATION_SECONDS));
        SplitterSettings settings = new SplitterSettings(config.bucket(),
                new QueueNames(config.queues().prefix().orElse("")), config.models().manifest(), limits,
                splitter.snippetsPerBatch().orElse(SplitterSettings.DEFAULT_SNIPPETS_PER_BATCH));
        return new SplitterHandler(s3, sqs, settings, Clock.systemUTC());
    }
}
