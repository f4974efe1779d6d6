package io.genreflow.local;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.json.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The stack pointed at servers it did not start (what it does against LocalStack or AWS): only
 * pollers and handlers run; the bucket's own notification (here: the test) feeds the uploads queue.
 */
@QuarkusTest
@WithTestResource(ExternalServers.class)
class ExternalModeTest {

    @ConfigProperty(name = "genreflow.s3.endpoint")
    URI s3Endpoint;

    @ConfigProperty(name = "genreflow.sqs.endpoint")
    URI sqsEndpoint;

    @ConfigProperty(name = "genreflow.data-dir")
    Path dataDir;

    @Test
    void classifiesAnUploadAnnouncedByTheBucketsNotification() throws Exception {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ExternalServers.ACCESS_KEY, ExternalServers.SECRET_KEY));
        try (S3Client s3 = AwsClients.s3(Optional.of(s3Endpoint), ExternalServers.REGION, credentials);
             SqsClient sqs = AwsClients.sqs(Optional.of(sqsEndpoint), ExternalServers.REGION, credentials)) {
            String key = S3Keys.upload("external/tone.wav");
            s3.putObject(b -> b.bucket(ExternalServers.BUCKET).key(key),
                    RequestBody.fromBytes(GeneratedAudio.toneWav(4, 440, 22050)));
            HeadObjectResponse head = s3.headObject(b -> b.bucket(ExternalServers.BUCKET).key(key));
            SourceObject upload = new SourceObject(ExternalServers.BUCKET, key, head.versionId(), head.eTag(),
                    head.contentLength(), null);
            String uploads = sqs.getQueueUrl(b -> b.queueName(ExternalServers.QUEUES.uploads())).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(uploads).messageBody(new String(ContractJson.write(
                    S3EventNotification.objectCreated(upload, ExternalServers.REGION, Instant.now())))));

            Verdict verdict = awaitVerdict(s3, upload);
            assertEquals(upload.trackId(), verdict.trackId());
            assertFalse(verdict.degraded(), "every representation should have answered");
            TrackRecord track = ContractJson.read(s3.getObjectAsBytes(b -> b.bucket(ExternalServers.BUCKET)
                    .key(S3Keys.trackRecord(upload.trackId()))).asByteArray(), TrackRecord.class);
            assertEquals(TrackStatus.DONE, track.status());
        }
    }

    @Test
    void endpointsNameTheExternalServersAndHoldNoSecret() throws IOException {
        Endpoints endpoints = Json.mapper().readValue(dataDir.resolve(Endpoints.FILE_NAME).toFile(), Endpoints.class);
        assertEquals("external", endpoints.mode());
        assertEquals(s3Endpoint.toString(), endpoints.s3Endpoint());
        assertEquals(ExternalServers.BUCKET, endpoints.bucket());
        assertNull(endpoints.secretAccessKey(), "the configured secret must not be written out");
    }

    private static Verdict awaitVerdict(S3Client s3, SourceObject upload) throws InterruptedException {
        String key = S3Keys.verdictForUpload(upload.key());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                return ContractJson.read(s3.getObjectAsBytes(b -> b.bucket(ExternalServers.BUCKET).key(key))
                        .asByteArray(), Verdict.class);
            } catch (NoSuchKeyException notYet) {
                Thread.sleep(200);
            }
        }
        fail("no verdict at " + key + " after 120 s");
        return null;
    }
}
