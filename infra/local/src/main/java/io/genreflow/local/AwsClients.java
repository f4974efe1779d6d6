package io.genreflow.local;

import io.genreflow.embedded.WithoutExpectContinue;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the SDK clients the stack and its handlers share. */
final class AwsClients {

    /** Longer than the longest long poll (20 s), so a waiting receive is never cut off. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private AwsClients() {
    }

    /**
     * An S3 client; with an endpoint (S3Proxy, LocalStack) path-style addressing, which they need,
     * and without "Expect: 100-continue", see {@link WithoutExpectContinue}.
     */
    static S3Client s3(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new WithoutExpectContinue())));
        return builder.build();
    }

    /** A presigner for the same S3 as {@link #s3}, with the same addressing; its URLs go to browsers. */
    static S3Presigner presigner(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    /** An SQS client. */
    static SqsClient sqs(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
