package io.genreflow.function.classifier;

import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes the one classifier of this container at start-up, from its composition root, so its model
 * is loaded once, in the Lambda init phase, and a wrong setting stops the function before it takes
 * a message.
 */
public class ClassifierProducer {

    @Produces
    @Singleton
    @Startup
    QueueRouter classifier(S3Client s3, SqsClient sqs, Config config) throws ModelException {
        return ClassifierRoot.wire(s3, sqs, name -> config.getOptionalValue(name, String.class));
    }

    void close(@Disposes QueueRouter classifier) throws Exception {
        classifier.close();
    }
}
