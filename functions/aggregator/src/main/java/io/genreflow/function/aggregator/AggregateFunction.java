package io.genreflow.function.aggregator;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.aggregator.AggregatorRoot;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueRouter;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The aggregator as a Lambda function fed by the results queue and the dead-letter queues of the
 * uploads, snippets and results queues; the record's event source ARN says which queue, and so
 * which handler, it is for. Made once per container at start-up from its composition root. Funqy
 * calls it once per record of the SQS event; a record it throws for is reported as a batch item
 * failure, so SQS delivers that record again and deletes the others.
 */
@Singleton
@Startup
public class AggregateFunction {

    private final QueueRouter aggregator;

    AggregateFunction(S3Client s3, Config config) throws ModelException {
        this.aggregator = AggregatorRoot.wire(s3, name -> config.getOptionalValue(name, String.class));
    }

    /** Stores a partial result or notes a dead message, and makes the verdict once the track is accounted for. */
    @Funq
    public void aggregate(SQSMessage record) throws Exception {
        LambdaSqsRecords.deliver(aggregator, record.getEventSourceArn(), record.getMessageId(), record.getBody(),
                record.getAttributes());
    }

    @PreDestroy
    void close() throws Exception {
        aggregator.close();
    }
}
