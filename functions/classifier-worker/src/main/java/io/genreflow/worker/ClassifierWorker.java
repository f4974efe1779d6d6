package io.genreflow.worker;

import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.messaging.polling.PollerSettings;
import io.genreflow.messaging.polling.Pollers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The classifier of one representation as a long-polling queue worker: the classifier function's
 * own composition root ({@link ClassifierRoot}) fed by the pollers the local stack runs, so a
 * message is handled exactly as the Lambda handles it. A handled message is deleted; one that
 * fails stays on the queue, comes back after the visibility timeout and, after the queue's
 * receive count, goes to the dead-letter queue.
 */
public final class ClassifierWorker {

    private static final System.Logger LOG = System.getLogger(ClassifierWorker.class.getName());

    private final QueueRouter router;
    private final Pollers pollers;

    private ClassifierWorker(QueueRouter router, Pollers pollers) {
        this.router = router;
        this.pollers = pollers;
    }

    /**
     * Loads the model and starts polling, with the settings {@code source} gives by property name
     * (see {@link WorkerSettings#DEFINITIONS}).
     *
     * @throws ModelException           when the manifest or model is missing or invalid
     * @throws IllegalArgumentException when a setting is missing or invalid
     */
    public static ClassifierWorker start(S3Client s3, SqsClient sqs, Function<String, Optional<String>> source)
            throws ModelException {
        PollerSettings polling = WorkerSettings.polling(source);
        // ONNX Runtime warns itself when CUDA was asked for and the CPU has to stand in.
        LOG.log(System.Logger.Level.INFO, "the {0} classifier asks for the {1} execution provider",
                ClassifierSettings.REPRESENTATION.value(source), ClassifierSettings.PROVIDER.value(source));
        QueueRouter router = ClassifierRoot.wire(s3, sqs, source);
        Map<String, MessageHandler> handlers = new LinkedHashMap<>();
        router.queues().forEach(queue -> handlers.put(queue, router));
        try {
            Pollers pollers = Pollers.start(sqs, handlers, queue -> sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl(),
                    queue -> polling);
            LOG.log(System.Logger.Level.INFO, "{0} pollers on {1}", pollers.size(), handlers.keySet());
            return new ClassifierWorker(router, pollers);
        } catch (RuntimeException e) {
            closeQuietly(router, e);
            throw e;
        }
    }

    /** How many pollers run. */
    public int pollers() {
        return pollers.size();
    }

    /**
     * Stops polling, waits at most {@code grace} for the batches in hand, then releases the model.
     * Messages received but not handled return to the queue after their visibility timeout.
     */
    public void stop(Duration grace) throws Exception {
        pollers.stop(grace);
        router.close();
    }

    private static void closeQuietly(QueueRouter router, RuntimeException cause) {
        try {
            router.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
