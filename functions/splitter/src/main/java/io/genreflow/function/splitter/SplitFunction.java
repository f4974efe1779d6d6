package io.genreflow.function.splitter;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.handlers.SplitterHandler;
import io.genreflow.messaging.QueueMessage;
import io.quarkus.funqy.Funq;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;

/**
 * The splitter as a Lambda function fed by the uploads queue. Funqy calls it once per record of
 * the SQS event; a record it throws for is reported as a batch item failure, so SQS delivers that
 * record again and deletes the others.
 */
public class SplitFunction {

    @Inject
    SplitterHandler splitter;

    /** Splits every upload the S3 event notification in the record's body announces. */
    @Funq
    public void split(SQSMessage record) throws Exception {
        try {
            splitter.handle(QueueMessage.fromSqsRecord(record.getEventSourceArn(), record.getMessageId(),
                    record.getBody(), record.getAttributes().get("ApproximateReceiveCount")));
        } catch (Exception e) {
            // Funqy turns the exception into a batch item failure without logging it.
            Log.warnf(e, "message %s from %s failed and will be delivered again: %s", record.getMessageId(),
                    record.getEventSourceArn(), e.getMessage());
            throw e;
        }
    }
}
