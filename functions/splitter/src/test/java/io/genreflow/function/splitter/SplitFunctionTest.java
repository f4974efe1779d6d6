package io.genreflow.function.splitter;

import static io.genreflow.testing.EmbeddedAwsResource.BUCKET;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PcmLayout;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Representation;
import io.genreflow.testing.EmbeddedAwsResource;
import io.genreflow.testing.SqsEvents;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.contracts.QueueNames;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@QuarkusTest
@WithTestResource(EmbeddedAwsResource.class)
class SplitFunctionTest {

    /** The event's object key, URL-encoded as S3 sends it: '+' stands for a space. */
    private static final String UPLOAD_KEY = "uploads/tone 440.wav";

    @Inject
    S3Client s3;

    @Inject
    SqsClient sqs;

    @Test
    void anUploadBecomesATrackWithItsPcmAndBatchesWhileOnlyTheMalformedRecordIsReportedFailed() {
        byte[] wav = GeneratedAudio.toneWav(1.0, 440, 22050);
        String eTag = s3.putObject(b -> b.bucket(BUCKET).key(UPLOAD_KEY), RequestBody.fromBytes(wav)).eTag()
                .replace("\"", "");
        String event = SqsEvents.load("events/upload-and-malformed.json",
                Map.of("eTag", eTag, "size", Integer.toString(wav.length)));

        given().contentType(ContentType.JSON).body(event)
                .when().post()
                .then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));

        TrackId track = new SourceObject(BUCKET, UPLOAD_KEY, null, eTag, wav.length, null).trackId();
        TrackRecord record = ContractJson.read(
                s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(S3Keys.trackRecord(track))).asByteArray(),
                TrackRecord.class);
        assertEquals(TrackStatus.CLASSIFYING, record.status());
        assertEquals(22050, record.audio().totalSamples());
        long pcmBytes = s3.headObject(b -> b.bucket(BUCKET).key(S3Keys.pcm(track))).contentLength();
        assertEquals(PcmLayout.byteOffset(record.audio().totalSamples()), pcmBytes);

        QueueNames queues = new QueueNames("");
        for (Representation representation : record.expectedRepresentations()) {
            List<SnippetBatchMessage> batches = receiveAll(queues.snippets(representation));
            assertEquals(record.expectedBatches(representation), batches.size(), representation.id());
            for (SnippetBatchMessage batch : batches) {
                assertEquals(track, batch.trackId());
                assertEquals(representation, batch.representation());
                assertEquals(S3Keys.pcm(track), batch.pcmKey());
            }
        }
    }

    private List<SnippetBatchMessage> receiveAll(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        return messages.stream().map(m -> ContractJson.read(m.body(), SnippetBatchMessage.class)).toList();
    }
}
