package io.genreflow.worker;

import io.genreflow.handlers.ClassifierHandler;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.model.ExecutionProvider;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The container's entry point: loads the representation's model once (CUDA when configured, the
 * CPU when no GPU can be used, said in the log), then polls the representation's snippets queue
 * until the container is stopped. Credentials, region and endpoints come from the SDK's default
 * chain (the ECS task role; AWS_ENDPOINT_URL for LocalStack). GENREFLOW_WORKER_POLLERS sets how many
 * queue pollers share the model (default: one per available processor).
 */
public final class WorkerMain {

    private static final System.Logger LOG = System.getLogger(WorkerMain.class.getName());

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        ClassifierSettings settings = WorkerSettings.fromEnvironment(System.getenv());
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                // Path-style like the functions (quarkus.s3.path-style-access): LocalStack needs it, AWS accepts it.
                .forcePathStyle(Boolean.parseBoolean(System.getenv().getOrDefault("QUARKUS_S3_PATH_STYLE_ACCESS", "true")))
                .build();
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        ClassifierHandler classifier = new ClassifierHandler(s3, sqs, settings);
        ExecutionProvider requested = settings.onnx().provider();
        ExecutionProvider active = classifier.executionProvider();
        if (requested == ExecutionProvider.CUDA && active != ExecutionProvider.CUDA) {
            LOG.log(System.Logger.Level.WARNING, "no usable GPU: the {0} model runs on the CPU", settings.representation().id());
        } else {
            LOG.log(System.Logger.Level.INFO, "the {0} model runs on {1}", settings.representation().id(), active);
        }
        // The features are computed on the CPU even when inference runs on the GPU: one poller per
        // core keeps them all busy (the handler and the SDK clients are thread-safe).
        int pollers = WorkerSettings.pollers(System.getenv());
        String queue = settings.queues().snippets(settings.representation());
        List<QueueWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
            QueueWorker worker = new QueueWorker(sqs, queue, classifier);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("poller-" + i).start(worker::run));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // ECS sends SIGTERM and waits (stopTimeout) before killing: finish the batches in hand.
            workers.forEach(QueueWorker::stop);
            threads.forEach(WorkerMain::awaitQuietly);
        }));
        try {
            threads.forEach(WorkerMain::awaitQuietly);
        } finally {
            classifier.close();
        }
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
