package io.genreflow.local;

import io.genreflow.embedded.EmbeddedS3;
import io.genreflow.embedded.EmbeddedSqs;
import io.genreflow.messaging.QueueNames;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * S3 and SQS servers that exist before the stack starts, as LocalStack or an AWS deployment
 * would: the bucket and the prefixed queues are made here, and the stack runs in external mode
 * against them with fixed credentials.
 */
public class ExternalServers implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "external-bucket";
    static final String REGION = "eu-west-1";
    static final QueueNames QUEUES = new QueueNames("ext-");
    static final String ACCESS_KEY = "external-key";
    static final String SECRET_KEY = "external-secret";

    private final TemporaryDataDir dataDir = new TemporaryDataDir();
    private EmbeddedS3 s3;
    private EmbeddedSqs sqs;

    @Override
    public Map<String, String> start() {
        s3 = EmbeddedS3.builder().transientStorage().credentials(ACCESS_KEY, SECRET_KEY).build().start();
        sqs = EmbeddedSqs.create(0, REGION).start();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        try (S3Client s3Client = AwsClients.s3(Optional.of(s3.endpoint()), REGION, credentials);
             SqsClient sqsClient = AwsClients.sqs(Optional.of(sqs.endpoint()), REGION, credentials)) {
            s3Client.createBucket(b -> b.bucket(BUCKET));
            QueueSetup.create(sqsClient, QUEUES, 2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
        Map<String, String> config = new HashMap<>(dataDir.start());
        config.putAll(Map.of("genreflow.mode", "external",
                    "genreflow.s3.endpoint", s3.endpoint().toString(),
                    "genreflow.sqs.endpoint", sqs.endpoint().toString(),
                    "genreflow.credentials.access-key-id", ACCESS_KEY,
                    "genreflow.credentials.secret-access-key", SECRET_KEY,
                    "genreflow.bucket", BUCKET,
                    "genreflow.region", REGION,
                    "genreflow.queues.prefix", QUEUES.prefix()));
        return config;
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.stop();
        }
        if (s3 != null) {
            s3.stop();
        }
        dataDir.stop();
    }
}
