package io.genreflow.local;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
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

    /** An S3 client; path-style addressing whenever an endpoint is given, as S3Proxy and LocalStack need. */
    static S3Client s3(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
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
