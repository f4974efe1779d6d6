package io.genreflow.embedded;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/** SDK clients pointed at the embedded servers, configured as any genreflow component would. */
final class Clients {

    private Clients() {
    }

    static S3Client s3(EmbeddedS3 server) {
        return s3(server.endpoint(), server.accessKeyId(), server.secretAccessKey());
    }

    static S3Client s3(URI endpoint, String accessKeyId, String secret) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new WithoutExpectContinue()))
                .build();
    }

    static SqsClient sqs(EmbeddedSqs server) {
        return SqsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
