package io.genreflow.worker;

import io.genreflow.settings.Setting;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The container's entry point: starts a {@link ClassifierWorker} with the settings of the
 * environment (the same variables as the classifier function's, plus the worker's own, see
 * {@link WorkerSettings#DEFINITIONS}) and runs until the container is stopped. Credentials, region
 * and endpoints come from the SDK's default chain (the ECS task role; AWS_ENDPOINT_URL for
 * LocalStack).
 */
public final class WorkerMain {

    /** ECS waits 30 s (stopTimeout) between SIGTERM and SIGKILL; the batches in hand finish within it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Function<String, Optional<String>> environment = Setting.environmentSource(System.getenv());
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                // Path-style like the functions (quarkus.s3.path-style-access): LocalStack needs it, AWS accepts it.
                .forcePathStyle(Boolean.parseBoolean(System.getenv().getOrDefault("QUARKUS_S3_PATH_STYLE_ACCESS", "true")))
                .build();
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        ClassifierWorker worker = ClassifierWorker.start(s3, sqs, environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                worker.stop(STOP_GRACE);
            } catch (Exception e) {
                System.getLogger(WorkerMain.class.getName()).log(System.Logger.Level.WARNING,
                        "stopping the worker failed: " + e.getMessage(), e);
            } finally {
                stopped.countDown();
            }
        }));
        // The pollers are daemon threads: this thread keeps the JVM up until the shutdown hook has run.
        stopped.await();
    }
}
