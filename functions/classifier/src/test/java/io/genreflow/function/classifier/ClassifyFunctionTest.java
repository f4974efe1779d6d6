package io.genreflow.function.classifier;

import io.genreflow.fixtures.FixtureModels;

import static io.genreflow.testing.EmbeddedAwsResource.BUCKET;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.PcmLayout;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.Representation;
import io.genreflow.testing.EmbeddedAwsResource;
import io.genreflow.testing.SqsEvents;
import io.genreflow.contracts.QueueNames;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pcm.PcmRange;
import io.genreflow.scoring.SnippetScorer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@QuarkusTest
@WithTestResource(EmbeddedAwsResource.class)
class ClassifyFunctionTest {

    /** The track, PCM length and snippet starts the saved event's good record names. */
    private static final TrackId TRACK = new TrackId("0123456789abcdef0123");
    private static final int TOTAL_SAMPLES = 110_250;
    private static final long[] SNIPPET_STARTS = {0, 22_016, 44_032};
    private static final Path MANIFEST = FixtureModels.pipelineManifest();

    @Inject
    S3Client s3;

    @Inject
    SqsClient sqs;

    @Test
    void aBatchBecomesThePartialResultTheModelGivesWhileOnlyTheMalformedRecordIsReportedFailed() throws Exception {
        byte[] pcm = chirp(TOTAL_SAMPLES);
        s3.putObject(b -> b.bucket(BUCKET).key(S3Keys.pcm(TRACK)), RequestBody.fromBytes(pcm));

        given().contentType(ContentType.JSON).body(SqsEvents.load("events/chroma-batch-and-malformed.json", Map.of()))
                .when().post()
                .then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("f0e1d2c3-b4a5-4968-8776-655443322110"));

        List<PartialResult> results = receiveAll(new QueueNames("").results());
        assertEquals(1, results.size());
        PartialResult result = results.getFirst();
        assertEquals(TRACK, result.trackId());
        assertEquals(Representation.CHROMA, result.representation());
        assertEquals(0, result.batch());
        float[][] expected = referenceScores(pcm);
        assertEquals(SNIPPET_STARTS.length, result.snippets().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(i, result.snippets().get(i).index());
            List<Float> row = result.snippets().get(i).probabilities();
            assertEquals(expected[i].length, row.size());
            for (int label = 0; label < row.size(); label++) {
                assertEquals(expected[i][label], row.get(label), 1e-6f, "snippet " + i + " label " + label);
            }
        }
    }

    /** What the chroma model gives for the snippets, scored in this JVM without S3 or SQS. */
    private static float[][] referenceScores(byte[] pcm) throws Exception {
        try (OnnxSnippetClassifier model = OnnxSnippetClassifier.load(MANIFEST, Representation.CHROMA,
                OnnxSnippetClassifier.Options.defaults())) {
            return new SnippetScorer(model, 32).score(PcmRange.fromBytes(pcm, 0, TOTAL_SAMPLES), SNIPPET_STARTS);
        }
    }

    /** A rising tone as float32 PCM, so every snippet differs. */
    private static byte[] chirp(int samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples * PcmLayout.BYTES_PER_SAMPLE).order(PcmLayout.BYTE_ORDER);
        for (int i = 0; i < samples; i++) {
            double seconds = i / 22050.0;
            bytes.putFloat((float) (0.5 * Math.sin(2 * Math.PI * (220 + 110 * seconds) * seconds)));
        }
        return bytes.array();
    }

    private List<PartialResult> receiveAll(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        return messages.stream().map(m -> ContractJson.read(m.body(), PartialResult.class)).toList();
    }
}
