package io.genreflow.function.aggregator;

import io.genreflow.fixtures.FixtureModels;

import static io.genreflow.testing.EmbeddedAwsResource.BUCKET;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.testing.EmbeddedAwsResource;
import io.genreflow.testing.SqsEvents;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.splitter.SplitterRoot;
import io.genreflow.splitter.SplitterSettings;
import io.genreflow.contracts.QueueNames;
import io.genreflow.split.SplitLimits;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

@QuarkusTest
@WithTestResource(EmbeddedAwsResource.class)
class AggregateFunctionTest {

    private static final String UPLOAD_KEY = "uploads/aggregate me.wav";

    @Inject
    S3Client s3;

    @Inject
    SqsClient sqs;

    @Test
    void resultsAndADeadBatchMakeADegradedVerdictWhileOnlyTheMalformedRecordIsReportedFailed() throws Exception {
        TrackRecord classifying = splitOneSecondUpload();
        assertEquals(Map.of("logmel", 1, "spectrogram", 1, "chroma", 1, "waveform", 1),
                classifying.expectedPartials(), "the saved event holds one batch per representation");
        String event = SqsEvents.load("events/results-dead-batch-and-malformed.json",
                Map.of("trackId", classifying.trackId().value()));

        given().contentType(ContentType.JSON).body(event)
                .when().post()
                .then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("a1f0c2d4-0005-4a5b-9c6d-7e8f90a1b2c3"));

        TrackRecord done = read(S3Keys.trackRecord(classifying.trackId()), TrackRecord.class);
        assertEquals(TrackStatus.DONE, done.status());
        Verdict verdict = read(S3Keys.verdict(classifying.trackId()), Verdict.class);
        assertEquals("metal", verdict.genre(), "logmel and spectrogram both scored metal highest");
        assertTrue(verdict.degraded());
        assertEquals(List.of("chroma"), verdict.missingRepresentations());
        assertArrayEquals(bytes(S3Keys.verdict(classifying.trackId())), bytes(S3Keys.verdictForUpload(UPLOAD_KEY)));
    }

    /** Runs the splitter itself on a fresh one-second upload, leaving the track CLASSIFYING. */
    private TrackRecord splitOneSecondUpload() throws Exception {
        byte[] wav = GeneratedAudio.toneWav(1.0, 330, 22050);
        String eTag = s3.putObject(b -> b.bucket(BUCKET).key(UPLOAD_KEY), RequestBody.fromBytes(wav)).eTag();
        SourceObject upload = new SourceObject(BUCKET, UPLOAD_KEY, null, eTag, wav.length, null);
        QueueRouter splitter = SplitterRoot.wire(s3, sqs, new SplitterSettings(BUCKET, new QueueNames(""),
                FixtureModels.pipelineManifest(), SplitLimits.defaults(), 32), Clock.systemUTC());
        String body = new String(ContractJson.write(S3EventNotification.objectCreated(upload, "us-east-1",
                Instant.now())), StandardCharsets.UTF_8);
        splitter.handle(new QueueMessage("uploads", "setup", body, 1));
        TrackRecord record = read(S3Keys.trackRecord(upload.trackId()), TrackRecord.class);
        assertEquals(TrackStatus.CLASSIFYING, record.status());
        return record;
    }

    private <T> T read(String key, Class<T> type) {
        return ContractJson.read(bytes(key), type);
    }

    private byte[] bytes(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }
}
