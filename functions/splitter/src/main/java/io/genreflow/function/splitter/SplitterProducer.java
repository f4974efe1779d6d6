package io.genreflow.function.splitter;

import io.genreflow.splitter.SplitterRoot;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Makes the one splitter of this container at start-up, from its composition root, so the Lambda init phase reads the manifest. */
public class SplitterProducer {

    @Produces
    @Singleton
    @Startup
    QueueRouter splitter(S3Client s3, SqsClient sqs, Config config) throws ModelException {
        return SplitterRoot.wire(s3, sqs, name -> config.getOptionalValue(name, String.class));
    }

    void close(@Disposes QueueRouter splitter) throws Exception {
        splitter.close();
    }
}
