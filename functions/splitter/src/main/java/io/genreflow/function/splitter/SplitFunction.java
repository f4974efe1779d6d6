package io.genreflow.function.splitter;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.genreflow.splitter.SplitterRoot;
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
 * The splitter as a Lambda function fed by the uploads queue, made once per container at start-up
 * from its composition root, so the Lambda init phase reads the manifest. Funqy calls it once per
 * record of the SQS event; a record it throws for is reported as a batch item failure, so SQS
 * delivers that record again and deletes the others.
 */
@Singleton
@Startup
public class SplitFunction {

    private final QueueRouter splitter;

    SplitFunction(S3Client s3, SqsClient sqs, Config config) throws ModelException {
        this.splitter = SplitterRoot.wire(s3, sqs, name -> config.getOptionalValue(name, String.class));
    }

    /** Splits every upload the S3 event notification in the record's body announces. */
    @Funq
    public void split(SQSMessage record) throws Exception {
        LambdaSqsRecords.deliver(splitter, record.getEventSourceArn(), record.getMessageId(), record.getBody(),
                record.getAttributes());
    }

    @PreDestroy
    void close() throws Exception {
        splitter.close();
    }
}
