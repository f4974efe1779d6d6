package io.genreflow.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.SourceObject;
import io.genreflow.embedded.EmbeddedS3;
import io.genreflow.embedded.EmbeddedSqs;
import io.genreflow.embedded.WithoutExpectContinue;
import io.genreflow.features.Representation;
import io.genreflow.handlers.ClassifierHandler;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.handlers.SplitterHandler;
import io.genreflow.handlers.SplitterSettings;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueNames;
import io.genreflow.model.ExecutionProvider;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pipeline.SplitLimits;
import io.genreflow.testing.TestAudio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue worker against a real S3 (S3Proxy) and SQS (ElasticMQ): fed the snippet batches the
 * splitter sent, it produces the same partial results as the classifier Lambda's path
 * (LambdaSqsRecords, what the Funqy function calls), deletes what it handled and leaves failures
 * to the visibility timeout.
 */
class QueueWorkerTest {

    private static final String BUCKET = "worker-test";
    private static final QueueNames QUEUES = new QueueNames("test-");
    private static final Path MANIFEST = Path.of("../core/src/test/resources/models/pipeline-manifest.json");
    private static final Representation CHROMA = Representation.CHROMA;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test-secret"));

    private static EmbeddedS3 s3Server;
    private static EmbeddedSqs sqsServer;
    private static S3Client s3;
    private static SqsClient sqs;
    private static ClassifierHandler classifier;

    @BeforeAll
    static void startServers() throws Exception {
        s3Server = EmbeddedS3.builder().transientStorage().credentials("test", "test-secret").build().start();
        sqsServer = EmbeddedSqs.create(0, Region.US_EAST_1.id()).start();
        s3 = S3Client.builder().endpointOverride(s3Server.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new WithoutExpectContinue())).build();
        sqs = SqsClient.builder().endpointOverride(sqsServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        for (String queue : QUEUES.workQueues()) {
            // A short visibility timeout, so a failed message is seen coming back within the test.
            sqs.createQueue(b -> b.queueName(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
        }
        classifier = new ClassifierHandler(s3, sqs, settings(ExecutionProvider.CPU));
    }

    @AfterAll
    static void stopServers() {
        classifier.close();
        s3.close();
        sqs.close();
        sqsServer.stop();
        s3Server.stop();
    }

    @Test
    void theWorkerProducesWhatTheLambdaPathProducesFromTheSameMessages() throws Exception {
        List<String> batches = splitAnUpload("uploads/same-results.wav", 40.0);
        assertTrue(batches.size() >= 2, "the upload was split into several chroma batches: " + batches.size());

        for (String body : batches) {
            LambdaSqsRecords.deliver(classifier, "arn:aws:sqs:us-east-1:000000000000:" + chromaQueue(),
                    "lambda-" + batches.indexOf(body), body, Map.of("ApproximateReceiveCount", "1"));
        }
        List<PartialResult> fromLambda = results();

        batches.forEach(body -> send(chromaQueue(), body));
        QueueWorker worker = new QueueWorker(sqs, chromaQueue(), classifier);
        int handled = 0;
        for (int poll = 0; poll < 10 && handled < batches.size(); poll++) {
            handled += worker.pollOnce(1);
        }
        List<PartialResult> fromWorker = results();

        assertEquals(batches.size(), handled);
        assertEquals(withoutTimings(fromLambda), withoutTimings(fromWorker));
        assertEquals(List.of(), receive(chromaQueue(), 1), "every handled message was deleted");
    }

    @Test
    void aMessageTheHandlerRejectsStaysOnTheQueueAndComesBackAfterTheVisibilityTimeout() {
        send(chromaQueue(), "{\"not\": \"a snippet batch\"}");
        QueueWorker worker = new QueueWorker(sqs, chromaQueue(), classifier);

        assertEquals(0, worker.pollOnce(1));

        List<Message> again = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && again.isEmpty(); attempt++) {
            again.addAll(receive(chromaQueue(), 2));
        }
        assertEquals(1, again.size(), "the rejected message came back");
        assertEquals("2", again.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        again.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url(chromaQueue())).receiptHandle(m.receiptHandle())));
        assertEquals(List.of(), results(), "nothing was sent for it");
    }

    @Test
    void cudaAskedForWithoutAGpuFallsBackToTheCpu() throws Exception {
        try (ClassifierHandler onCpu = new ClassifierHandler(s3, sqs, settings(ExecutionProvider.CUDA))) {
            assertEquals(ExecutionProvider.CPU, onCpu.executionProvider());
        }
    }

    private static ClassifierSettings settings(ExecutionProvider provider) {
        return new ClassifierSettings(BUCKET, QUEUES, MANIFEST, CHROMA, 32,
                new OnnxSnippetClassifier.Options(1, provider, 0));
    }

    /** Uploads generated music, has the splitter split it, and returns the chroma batches it sent. */
    private static List<String> splitAnUpload(String key, double seconds) throws Exception {
        byte[] wav = TestAudio.musicWav(seconds, 7);
        String eTag = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(wav)).eTag();
        SourceObject upload = new SourceObject(BUCKET, key, null, eTag, wav.length, null);
        String event = new String(ContractJson.write(S3EventNotification.objectCreated(upload, "us-east-1",
                Instant.parse("2026-12-03T10:00:00Z"))), StandardCharsets.UTF_8);
        SplitterHandler splitter = new SplitterHandler(s3, sqs, new SplitterSettings(BUCKET, QUEUES, MANIFEST,
                SplitLimits.defaults(), 8), Clock.systemUTC());
        splitter.handle(new QueueMessage(QUEUES.uploads(), "upload-1", event, 1));
        List<String> bodies = new ArrayList<>();
        List<Message> received;
        while (!(received = receive(chromaQueue(), 1)).isEmpty()) {
            for (Message message : received) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(url(chromaQueue())).receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    /** Every partial result now on the results queue, taken off it, in batch order. */
    private static List<PartialResult> results() {
        List<PartialResult> results = new ArrayList<>();
        List<Message> received;
        while (!(received = receive(QUEUES.results(), 1)).isEmpty()) {
            for (Message message : received) {
                results.add(ContractJson.read(message.body(), PartialResult.class));
                sqs.deleteMessage(b -> b.queueUrl(url(QUEUES.results())).receiptHandle(message.receiptHandle()));
            }
        }
        results.sort(Comparator.comparingInt(PartialResult::batch));
        return results;
    }

    /** What a result says, without the timings that differ between any two runs. */
    private static List<String> withoutTimings(List<PartialResult> results) {
        assertFalse(results.isEmpty(), "some results were sent");
        return results.stream().map(r -> r.trackId().value() + " " + r.representation() + " " + r.batch() + " "
                + r.modelVersion() + " " + r.snippets()).toList();
    }

    private static List<Message> receive(String queue, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(url(queue)).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private static void send(String queue, String body) {
        sqs.sendMessage(b -> b.queueUrl(url(queue)).messageBody(body));
    }

    private static String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private static String chromaQueue() {
        return QUEUES.snippets(CHROMA);
    }
}
