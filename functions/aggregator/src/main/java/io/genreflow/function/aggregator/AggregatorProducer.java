package io.genreflow.function.aggregator;

import io.genreflow.aggregator.AggregatorRoot;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.s3.S3Client;

/** Makes the one aggregator of this container at start-up, from its composition root, so the Lambda init phase reads the manifest. */
public class AggregatorProducer {

    @Produces
    @Singleton
    @Startup
    QueueRouter aggregator(S3Client s3, Config config) throws ModelException {
        return AggregatorRoot.wire(s3, name -> config.getOptionalValue(name, String.class));
    }

    void close(@Disposes QueueRouter aggregator) throws Exception {
        aggregator.close();
    }
}
