package io.genreflow.function.classifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The classifier of one representation as a Lambda function fed by that representation's snippets
 * queue. Funqy calls it once per record of the SQS event; a record it throws for is reported as a
 * batch item failure, so SQS delivers that record again and deletes the others.
 */
public class ClassifyFunction {

    @Inject
    QueueRouter classifier;

    /** Scores the snippet batch in the record's body and sends the partial result on. */
    @Funq
    public void classify(SQSMessage record) throws Exception {
        LambdaSqsRecords.deliver(classifier, record.getEventSourceArn(), record.getMessageId(), record.getBody(),
                record.getAttributes());
    }
}
