package io.genreflow.function.aggregator;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The aggregator as a Lambda function fed by the results queue and the dead-letter queues of the
 * uploads, snippets and results queues; the record's event source ARN says which queue it came
 * from, and so which handler takes it. Funqy calls it once per record of the SQS event; a record it
 * throws for is reported as a batch item failure, so SQS delivers that record again and deletes the
 * others.
 */
public class AggregateFunction {

    @Inject
    QueueRouter aggregator;

    /** Stores a partial result or notes a dead message, and makes the verdict once the track is accounted for. */
    @Funq
    public void aggregate(SQSMessage record) throws Exception {
        LambdaSqsRecords.deliver(aggregator, record.getEventSourceArn(), record.getMessageId(), record.getBody(),
                record.getAttributes());
    }
}
