package io.genreflow.function.classifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The classifier of one representation as a Lambda function fed by that representation's snippets
 * queue. It is made once per container at start-up from its composition root, so the model is
 * loaded in the Lambda init phase and a wrong setting stops the function before it takes a message.
 * Funqy calls it once per record of the SQS event; a record it throws for is reported as a batch
 * item failure, so SQS delivers that record again and deletes the others.
 */
@Singleton
@Startup
public class ClassifyFunction {

    private final QueueRouter classifier;

    ClassifyFunction(S3Client s3, SqsClient sqs, Config config) throws ModelException {
        this.classifier = ClassifierRoot.wire(s3, sqs, name -> config.getOptionalValue(name, String.class));
    }

    /** Scores the snippet batch in the record's body and sends the partial result on. */
    @Funq
    public void classify(SQSMessage record) throws Exception {
        LambdaSqsRecords.deliver(classifier, record.getEventSourceArn(), record.getMessageId(), record.getBody(),
                record.getAttributes());
    }

    @PreDestroy
    void close() throws Exception {
        classifier.close();
    }
}
