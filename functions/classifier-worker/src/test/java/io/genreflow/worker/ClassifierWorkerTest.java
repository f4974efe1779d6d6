package io.genreflow.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.classifier.ClassifierHandler;
import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.QueueNames;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.SourceObject;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.messaging.LambdaSqsRecords;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.model.ExecutionProvider;
import io.genreflow.settings.Setting;
import io.genreflow.splitter.SplitterRoot;
import io.genreflow.testing.LocalAws;
import io.genreflow.testing.SettingsDocumentation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The container worker against a real S3 (S3Proxy) and SQS (ElasticMQ), configured through
 * environment variables as in its container: fed the snippet batches the splitter sent, it
 * produces the same partial results as the classifier Lambda's path (LambdaSqsRecords over the
 * same composition root, what the Funqy function calls), deletes what it handled, and leaves a
 * failing message to the visibility timeout until SQS dead-letters it.
 */
class ClassifierWorkerTest {

    private static final String BUCKET = "worker-test";
    private static final QueueNames QUEUES = new QueueNames("test-");
    private static final Representation CHROMA = Representation.CHROMA;
    private static final int MAX_RECEIVE_COUNT = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static LocalAws aws;

    @BeforeAll
    static void startServers() {
        aws = LocalAws.start();
        aws.createBucket(BUCKET);
        for (String queue : QUEUES.workQueues()) {
            String deadLetters = QueueNames.deadLetter(queue);
            aws.sqs().createQueue(b -> b.queueName(deadLetters));
            String deadLettersArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url(deadLetters))
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            // A short visibility timeout, so a failed message is seen coming back within the test.
            aws.sqs().createQueue(b -> b.queueName(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                    QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT
                            + "\",\"deadLetterTargetArn\":\"" + deadLettersArn + "\"}")));
        }
    }

    @AfterAll
    static void stopServers() {
        aws.close();
    }

    @Test
    void theWorkerProducesWhatTheLambdaPathProducesFromTheSameMessages() throws Exception {
        List<String> batches = splitAnUpload("uploads/same-results.wav", 40.0);
        assertTrue(batches.size() >= 2, "the upload was split into several chroma batches: " + batches.size());

        try (QueueRouter lambda = ClassifierRoot.wire(aws.s3(), aws.sqs(), environment(Map.of()))) {
            for (String body : batches) {
                LambdaSqsRecords.deliver(lambda, "arn:aws:sqs:us-east-1:000000000000:" + chromaQueue(),
                        "lambda-" + batches.indexOf(body), body, Map.of("ApproximateReceiveCount", "1"));
            }
        }
        List<PartialResult> fromLambda = results(batches.size());

        batches.forEach(body -> aws.send(chromaQueue(), body));
        ClassifierWorker worker = ClassifierWorker.start(aws.s3(), aws.sqs(),
                environment(Map.of("GENREFLOW_WORKER_POLLERS", "2")));
        List<PartialResult> fromWorker;
        try {
            assertEquals(2, worker.pollers());
            fromWorker = results(batches.size());
        } finally {
            worker.stop(Duration.ofSeconds(10));
        }

        assertEquals(withoutTimings(fromLambda), withoutTimings(fromWorker));
        assertEquals(List.of(), aws.drain(chromaQueue()), "every handled message was deleted");
    }

    @Test
    void aMessageTheHandlerRejectsComesBackAfterTheVisibilityTimeoutUntilSqsDeadLettersIt() throws Exception {
        aws.send(chromaQueue(), "{\"not\": \"a snippet batch\"}");
        ClassifierWorker worker = ClassifierWorker.start(aws.s3(), aws.sqs(), environment(Map.of()));
        List<LocalAws.Received> deadLetters = new ArrayList<>();
        try {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (deadLetters.isEmpty() && Instant.now().isBefore(deadline)) {
                deadLetters.addAll(aws.drain(QueueNames.deadLetter(chromaQueue())));
                Thread.sleep(200);
            }
        } finally {
            worker.stop(Duration.ofSeconds(10));
        }

        assertEquals(1, deadLetters.size(), "the rejected message reached the dead-letter queue");
        assertEquals("{\"not\": \"a snippet batch\"}", deadLetters.get(0).body());
        assertTrue(deadLetters.get(0).receiveCount() > MAX_RECEIVE_COUNT,
                "the worker was handed it " + MAX_RECEIVE_COUNT + " times first: " + deadLetters.get(0));
        assertEquals(List.of(), aws.drain(QUEUES.results()), "nothing was sent for it");
    }

    @Test
    void cudaAskedForWithoutAGpuFallsBackToTheCpu() throws Exception {
        ClassifierSettings settings = ClassifierSettings.from(
                environment(Map.of("GENREFLOW_CLASSIFIER_ONNX_PROVIDER", "cuda")));
        assertEquals(ExecutionProvider.CUDA, settings.onnx().provider());
        try (ClassifierHandler onCpu = new ClassifierHandler(aws.s3(), aws.sqs(), settings)) {
            assertEquals(ExecutionProvider.CPU, onCpu.executionProvider());
        }
    }

    @Test
    void thePollersSettingCountsPollersOrTakesOnePerProcessor() {
        assertEquals(3, WorkerSettings.polling(environment(Map.of("GENREFLOW_WORKER_POLLERS", "3"))).concurrency());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                WorkerSettings.polling(environment(Map.of())).concurrency());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.polling(environment(Map.of("GENREFLOW_WORKER_POLLERS", "0"))));
        assertTrue(none.getMessage().contains("GENREFLOW_WORKER_POLLERS"), none.getMessage());
    }

    @Test
    void everySettingOfTheWorkerIsDocumented() {
        SettingsDocumentation.assertDocumented(WorkerSettings.DEFINITIONS);
    }

    /** The container's environment: the classifier's deployment variables, with {@code overrides}. */
    private static Function<String, Optional<String>> environment(Map<String, String> overrides) {
        Map<String, String> variables = new HashMap<>(Map.of("GENREFLOW_BUCKET", BUCKET,
                "GENREFLOW_QUEUES_PREFIX", QUEUES.prefix(),
                "GENREFLOW_MODELS_MANIFEST", FixtureModels.pipelineManifest().toString(),
                "GENREFLOW_CLASSIFIER_REPRESENTATION", CHROMA.id(),
                "GENREFLOW_WORKER_MAX_RECEIVE_COUNT", String.valueOf(MAX_RECEIVE_COUNT),
                "GENREFLOW_SPLITTER_SNIPPETS_PER_BATCH", "8"));
        variables.putAll(overrides);
        return Setting.environmentSource(variables);
    }

    /** Uploads generated music, has the splitter split it, and returns the chroma batches it sent. */
    private static List<String> splitAnUpload(String key, double seconds) throws Exception {
        byte[] wav = GeneratedAudio.musicWav(seconds, 7);
        String eTag = aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(wav)).eTag();
        SourceObject upload = new SourceObject(BUCKET, key, null, eTag, wav.length, null);
        String event = new String(ContractJson.write(S3EventNotification.objectCreated(upload, "us-east-1",
                Instant.parse("2026-12-03T10:00:00Z"))), StandardCharsets.UTF_8);
        try (QueueRouter splitter = SplitterRoot.wire(aws.s3(), aws.sqs(), environment(Map.of()))) {
            splitter.handle(new QueueMessage(QUEUES.uploads(), "upload-1", event, 1));
        }
        return aws.drain(chromaQueue()).stream().map(LocalAws.Received::body).toList();
    }

    /** The {@code count} partial results the results queue receives, taken off it, in batch order. */
    private static List<PartialResult> results(int count) throws InterruptedException {
        List<PartialResult> results = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (results.size() < count && Instant.now().isBefore(deadline)) {
            aws.drain(QUEUES.results()).forEach(m -> results.add(ContractJson.read(m.body(), PartialResult.class)));
            Thread.sleep(100);
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

    private static String url(String queue) {
        return aws.sqs().getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private static String chromaQueue() {
        return QUEUES.snippets(CHROMA);
    }
}
