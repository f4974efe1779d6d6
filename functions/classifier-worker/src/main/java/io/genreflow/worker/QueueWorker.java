package io.genreflow.worker;

import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueMessage;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Long-polls one queue and hands every message to a {@link MessageHandler}, with the semantics of
 * Lambda's SQS event source and partial batch failures: a message the handler accepts is deleted,
 * one it throws for stays on the queue and comes back after the visibility timeout, and after the
 * queue's receive count SQS moves it to the dead-letter queue.
 */
public final class QueueWorker {

    private static final System.Logger LOG = System.getLogger(QueueWorker.class.getName());

    /** SQS's longest long poll. */
    public static final int MAX_WAIT_SECONDS = 20;

    private final SqsClient sqs;
    private final String queue;
    private final String queueUrl;
    private final MessageHandler handler;
    private volatile boolean stopped;

    /** A worker for {@code queue}, whose URL it looks up now. */
    public QueueWorker(SqsClient sqs, String queue, MessageHandler handler) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.queueUrl = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    /** Polls until {@link #stop()}; the poll under way when it is called finishes first. */
    public void run() {
        LOG.log(System.Logger.Level.INFO, "polling {0}", queue);
        while (!stopped) {
            try {
                pollOnce(MAX_WAIT_SECONDS);
            } catch (RuntimeException e) {
                // SQS unreachable or throttling: wait a little rather than spin, and keep serving.
                LOG.log(System.Logger.Level.WARNING, "receiving from " + queue + " failed: " + e.getMessage(), e);
                pause();
            }
        }
        LOG.log(System.Logger.Level.INFO, "stopped polling {0}", queue);
    }

    /** Asks {@link #run()} to return after the current poll. */
    public void stop() {
        stopped = true;
    }

    /**
     * Receives up to ten messages (waiting up to {@code waitSeconds} for the first) and handles them
     * in order.
     *
     * @return how many were handled successfully and deleted
     */
    public int pollOnce(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        int handled = 0;
        for (Message message : messages) {
            if (handle(message)) {
                handled++;
            }
        }
        return handled;
    }

    private boolean handle(Message message) {
        String receiveCount = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            handler.handle(new QueueMessage(queue, message.messageId(), message.body(),
                    receiveCount == null ? 1 : Integer.parseInt(receiveCount)));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "message " + message.messageId() + " from " + queue
                    + " failed and will be delivered again after its visibility timeout: " + e.getMessage(), e);
            return false;
        }
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
