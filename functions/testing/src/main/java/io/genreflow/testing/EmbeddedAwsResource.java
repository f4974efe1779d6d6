package io.genreflow.testing;

import io.genreflow.contracts.QueueNames;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.settings.SharedSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link LocalAws} for one {@code @QuarkusTest} class, with the bucket and every queue of the
 * pipeline already made, as the deployment would have made them. Points the Quarkus S3 and SQS
 * clients and {@code genreflow.bucket} at them, and {@code genreflow.models.manifest} at the
 * fixture models of genreflow-fixtures.
 */
public final class EmbeddedAwsResource implements QuarkusTestResourceLifecycleManager {

    /** The bucket the functions under test use. */
    public static final String BUCKET = "genreflow-test";

    private LocalAws aws;

    @Override
    public Map<String, String> start() {
        aws = LocalAws.startWith(BUCKET, new QueueNames(""));
        Map<String, String> config = new LinkedHashMap<>();
        config.put(SharedSettings.BUCKET.name(), BUCKET);
        config.put(SharedSettings.MODELS_MANIFEST.name(), FixtureModels.pipelineManifest().toString());
        client(config, "s3", aws.s3Endpoint().toString());
        client(config, "sqs", aws.sqsEndpoint().toString());
        return config;
    }

    private static void client(Map<String, String> config, String service, String endpoint) {
        String prefix = "quarkus." + service + ".";
        config.put(prefix + "endpoint-override", endpoint);
        config.put(prefix + "aws.region", LocalAws.REGION.id());
        config.put(prefix + "aws.credentials.type", "static");
        config.put(prefix + "aws.credentials.static-provider.access-key-id", LocalAws.ACCESS_KEY);
        config.put(prefix + "aws.credentials.static-provider.secret-access-key", LocalAws.SECRET_KEY);
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.close();
        }
    }
}
