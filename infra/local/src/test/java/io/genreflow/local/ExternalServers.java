package io.genreflow.local;

import io.genreflow.contracts.QueueNames;
import io.genreflow.testing.LocalAws;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * S3 and SQS servers that exist before the stack starts, as LocalStack or an AWS deployment
 * would: the bucket and the prefixed queues are made here, and the stack runs in external mode
 * against them with fixed credentials.
 */
public class ExternalServers implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "external-bucket";
    static final String REGION = LocalAws.REGION.id();
    static final QueueNames QUEUES = new QueueNames("ext-");
    static final String ACCESS_KEY = LocalAws.ACCESS_KEY;
    static final String SECRET_KEY = LocalAws.SECRET_KEY;

    private final TemporaryDataDir dataDir = new TemporaryDataDir();
    private LocalAws aws;

    @Override
    public Map<String, String> start() {
        aws = LocalAws.start();
        aws.createBucket(BUCKET);
        // With redrive policies, as the CDK app makes them, so dead letters reach the aggregator.
        QueueSetup.create(aws.sqs(), QUEUES, 2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Map<String, String> config = new HashMap<>(dataDir.start());
        config.putAll(Map.of("genreflow.mode", "external",
                    "genreflow.s3.endpoint", aws.s3Endpoint().toString(),
                    "genreflow.sqs.endpoint", aws.sqsEndpoint().toString(),
                    "genreflow.credentials.access-key-id", ACCESS_KEY,
                    "genreflow.credentials.secret-access-key", SECRET_KEY,
                    "genreflow.bucket", BUCKET,
                    "genreflow.region", REGION,
                    "genreflow.queues.prefix", QUEUES.prefix()));
        return config;
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.close();
        }
        dataDir.stop();
    }
}
