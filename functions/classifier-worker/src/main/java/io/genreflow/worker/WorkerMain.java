package io.genreflow.worker;

import io.genreflow.handlers.ClassifierHandler;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.model.ExecutionProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The container's entry point: loads the representation's model once (CUDA when configured, the
 * CPU when no GPU can be used, said in the log), then polls the representation's snippets queue
 * until the container is stopped. Credentials, region and endpoints come from the SDK's default
 * chain (the ECS task role; AWS_ENDPOINT_URL for LocalStack).
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
        QueueWorker worker = new QueueWorker(sqs, settings.queues().snippets(settings.representation()), classifier);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // ECS sends SIGTERM and waits (stopTimeout) before killing: finish the batch in hand.
            worker.stop();
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            worker.run();
        } finally {
            classifier.close();
        }
    }
}
