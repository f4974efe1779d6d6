package io.genreflow.function.aggregator;

import io.genreflow.handlers.AggregatorHandler;
import io.genreflow.handlers.AggregatorSettings;
import io.genreflow.messaging.QueueNames;
import io.genreflow.manifest.ModelException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.s3.S3Client;

/** Makes the one aggregator of this container at start-up, so the Lambda init phase reads the manifest. */
public class AggregatorProducer {

    @Produces
    @Singleton
    @Startup
    AggregatorHandler aggregator(S3Client s3, AggregatorConfig config) throws ModelException {
        AggregatorSettings settings = new AggregatorSettings(config.bucket(),
                new QueueNames(config.queues().prefix().orElse("")), config.models().manifest(),
                config.aggregator().topK());
        return new AggregatorHandler(s3, settings, Clock.systemUTC());
    }
}
