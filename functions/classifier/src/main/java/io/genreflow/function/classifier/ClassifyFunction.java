package io.genreflow.function.classifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.handlers.ClassifierHandler;
import io.genreflow.messaging.QueueMessage;
import io.quarkus.funqy.Funq;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;

/**
 * The classifier of one representation as a Lambda function fed by that representation's snippets
 * queue. Funqy calls it once per record of the SQS event; a record it throws for is reported as a
 * batch item failure, so SQS delivers that record again and deletes the others.
 */
public class ClassifyFunction {

    @Inject
    ClassifierHandler classifier;

    /** Scores the snippet batch in the record's body and sends the partial result on. */
    @Funq
    public void classify(SQSMessage record) throws Exception {
        try {
            classifier.handle(QueueMessage.fromSqsRecord(record.getEventSourceArn(), record.getMessageId(),
                    record.getBody(), record.getAttributes().get("ApproximateReceiveCount")));
        } catch (Exception e) {
            // Funqy turns the exception into a batch item failure without logging it.
            Log.warnf(e, "message %s from %s failed and will be delivered again: %s", record.getMessageId(),
                    record.getEventSourceArn(), e.getMessage());
            throw e;
        }
    }
}
