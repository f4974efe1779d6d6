package io.genreflow.local.web;

import io.genreflow.dashboard.DashboardSettings;
import io.genreflow.dashboard.PipelineAccess;
import io.genreflow.local.LocalStack;
import io.genreflow.local.PipelineEnvironment;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The dashboard works on the running stack's bucket and queues, with the stack's own clients, and
 * reads its settings under the names it has on Lambda (the stack supplying bucket and queue prefix).
 */
@ApplicationScoped
public class StackPipelineAccess implements PipelineAccess {

    private final LocalStack stack;
    private final Config config;
    private volatile DashboardSettings settings;

    StackPipelineAccess(LocalStack stack, Config config) {
        this.stack = stack;
        this.config = config;
    }

    @Override
    public DashboardSettings settings() {
        DashboardSettings current = settings;
        if (current == null) {
            current = DashboardSettings.from(stack.environment().settings(
                    name -> config.getOptionalValue(name, String.class)));
            settings = current;
        }
        return current;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return stack.credentials();
    }

    @Override
    public S3Client s3() {
        return stack.environment().s3();
    }

    @Override
    public S3Presigner presigner() {
        return stack.presigner();
    }

    @Override
    public SqsClient sqs() {
        return stack.environment().sqs();
    }

    @Override
    public String uploadsQueueUrl() {
        PipelineEnvironment environment = stack.environment();
        return environment.queueUrl(environment.queues().uploads());
    }

    @Override
    public String region() {
        return stack.environment().region();
    }
}
