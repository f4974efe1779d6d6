package io.genreflow.function.splitter;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The splitter as a Lambda function fed by the uploads queue. Funqy calls it once per record of
 * the SQS event; a record it throws for is reported as a batch item failure, so SQS delivers that
 * record again and deletes the others.
 */
public class SplitFunction {

    @Inject
    QueueRouter splitter;

    /** Splits every upload the S3 event notification in the record's body announces. */
    @Funq
    public void split(SQSMessage record) throws Exception {
        LambdaSqsRecords.deliver(splitter, record.getEventSourceArn(), record.getMessageId(), record.getBody(),
                record.getAttributes());
    }
}
