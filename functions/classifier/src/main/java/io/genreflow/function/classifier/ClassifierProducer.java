package io.genreflow.function.classifier;

import io.genreflow.contracts.Representation;
import io.genreflow.handlers.ClassifierHandler;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.messaging.QueueNames;
import io.genreflow.manifest.ModelException;
import io.genreflow.model.OnnxSnippetClassifier;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes the one classifier of this container at start-up, so its model is loaded once, in the
 * Lambda init phase, and a wrong setting stops the function before it takes a message.
 */
public class ClassifierProducer {

    @Produces
    @Singleton
    @Startup
    ClassifierHandler classifier(S3Client s3, SqsClient sqs, ClassifierConfig config) throws ModelException {
        ClassifierConfig.Classifier classifier = config.classifier();
        ClassifierConfig.Onnx onnx = classifier.onnx();
        ClassifierSettings settings = new ClassifierSettings(config.bucket(),
                new QueueNames(config.queues().prefix().orElse("")), config.models().manifest(),
                representation(classifier.representation()), classifier.modelBatchSize(),
                new OnnxSnippetClassifier.Options(onnx.intraOpThreads(), onnx.provider(), onnx.cudaDeviceId()));
        return new ClassifierHandler(s3, sqs, settings);
    }

    void close(@Disposes ClassifierHandler classifier) {
        classifier.close();
    }

    /** The configured representation, or an error that names the setting and the choices. */
    static Representation representation(String id) {
        try {
            return Representation.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("genreflow.classifier.representation (GENREFLOW_CLASSIFIER_REPRESENTATION): "
                    + e.getMessage(), e);
        }
    }
}
