package io.genreflow.function.testing;

import io.genreflow.embedded.EmbeddedS3;
import io.genreflow.embedded.EmbeddedSqs;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.messaging.QueueNames;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real S3 (S3Proxy, in memory) and SQS (ElasticMQ) on free loopback ports for one
 * {@code @QuarkusTest} class, with the bucket and every queue of the pipeline already made, as the
 * deployment would have made them. Points the Quarkus S3 and SQS clients and {@code genreflow.bucket}
 * at them, and {@code genreflow.models.manifest} at the fixture models of genreflow-fixtures.
 */
public final class EmbeddedAwsResource implements QuarkusTestResourceLifecycleManager {

    /** The bucket the functions under test use. */
    public static final String BUCKET = "genreflow-test";

    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "test-key";
    private static final String SECRET_KEY = "test-secret";

    private EmbeddedS3 s3;
    private EmbeddedSqs sqs;

    @Override
    public Map<String, String> start() {
        s3 = EmbeddedS3.builder().transientStorage().credentials(ACCESS_KEY, SECRET_KEY).build().start();
        sqs = EmbeddedSqs.create(0, REGION).start();
        createBucketAndQueues();
        return Map.ofEntries(
                Map.entry("genreflow.bucket", BUCKET),
                Map.entry("genreflow.models.manifest", FixtureModels.pipelineManifest().toString()),
                Map.entry("quarkus.s3.endpoint-override", s3.endpoint().toString()),
                Map.entry("quarkus.s3.aws.region", REGION),
                Map.entry("quarkus.s3.aws.credentials.type", "static"),
                Map.entry("quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY),
                Map.entry("quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY),
                Map.entry("quarkus.sqs.endpoint-override", sqs.endpoint().toString()),
                Map.entry("quarkus.sqs.aws.region", REGION),
                Map.entry("quarkus.sqs.aws.credentials.type", "static"),
                Map.entry("quarkus.sqs.aws.credentials.static-provider.access-key-id", ACCESS_KEY),
                Map.entry("quarkus.sqs.aws.credentials.static-provider.secret-access-key", SECRET_KEY));
    }

    private void createBucketAndQueues() {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        try (S3Client s3Client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)
                .region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             SqsClient sqsClient = SqsClient.builder().endpointOverride(sqs.endpoint())
                     .region(Region.of(REGION)).credentialsProvider(credentials)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            s3Client.createBucket(b -> b.bucket(BUCKET));
            for (String queue : new QueueNames("").workQueues()) {
                sqsClient.createQueue(b -> b.queueName(queue));
                sqsClient.createQueue(b -> b.queueName(QueueNames.deadLetter(queue)));
            }
        }
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.stop();
        }
        if (s3 != null) {
            s3.stop();
        }
    }
}
