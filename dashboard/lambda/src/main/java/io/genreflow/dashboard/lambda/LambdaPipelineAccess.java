package io.genreflow.dashboard.lambda;

import io.genreflow.dashboard.DashboardSettings;
import io.genreflow.dashboard.PipelineAccess;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The deployed pipeline as the Lambda function reaches it: the settings of
 * {@link DashboardSettings#DEFINITIONS} from the function's environment, the execution role's
 * credentials from the SDK's default chain, the region Lambda runs in (AWS_REGION), clients made
 * once per container.
 */
@ApplicationScoped
public class LambdaPipelineAccess implements PipelineAccess {

    private final DashboardSettings settings;
    private final Region region = new DefaultAwsRegionProviderChain().getRegion();
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final S3Client s3;
    private final SqsClient sqs;
    private final S3Presigner presigner;
    private volatile String uploadsQueueUrl;

    LambdaPipelineAccess(Config config) {
        this.settings = DashboardSettings.from(name -> config.getOptionalValue(name, String.class));
        this.s3 = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.sqs = SqsClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.presigner = S3Presigner.builder().region(region).credentialsProvider(credentials).build();
    }

    @Override
    public DashboardSettings settings() {
        return settings;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public S3Client s3() {
        return s3;
    }

    @Override
    public S3Presigner presigner() {
        return presigner;
    }

    @Override
    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public String uploadsQueueUrl() {
        String url = uploadsQueueUrl;
        if (url == null) {
            url = sqs.getQueueUrl(g -> g.queueName(settings.queues().uploads())).queueUrl();
            uploadsQueueUrl = url;
        }
        return url;
    }

    @Override
    public String region() {
        return region.id();
    }

    @PreDestroy
    void close() {
        presigner.close();
        s3.close();
        sqs.close();
    }
}
