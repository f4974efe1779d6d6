package io.genreflow.messaging.polling;

import io.genreflow.contracts.QueueNames;
import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueMessage;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One poller of one queue: long-polls a batch, hands each message to the handler in turn, deletes
 * the ones it handled in one batch call, and leaves the failed ones alone so they come back after
 * the visibility timeout (and SQS dead-letters them after the maximum receive count), as Lambda's
 * event-source mapping with partial batch failures does.
 */
final class QueuePoller implements Runnable {

    private static final System.Logger LOG = System.getLogger(QueuePoller.class.getName());
    private static final long RETRY_PAUSE_MILLIS = 1000;

    private final SqsClient sqs;
    private final String queue;
    private final String queueUrl;
    private final MessageHandler handler;
    private final PollerSettings settings;
    /** Held while a batch is being handled, so stopping can wait for exactly that work. */
    private final ReentrantLock handling = new ReentrantLock();
    private volatile boolean stopping;

    QueuePoller(SqsClient sqs, String queue, String queueUrl, MessageHandler handler, PollerSettings settings) {
        this.sqs = sqs;
        this.queue = queue;
        this.queueUrl = queueUrl;
        this.handler = handler;
        this.settings = settings;
    }

    @Override
    public void run() {
        while (!stopping) {
            List<Message> batch;
            try {
                batch = receive();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.log(System.Logger.Level.WARNING, "receiving from {0} failed ({1}); trying again in {2} ms", queue,
                            e.getMessage(), RETRY_PAUSE_MILLIS);
                    pause();
                }
                continue;
            }
            handling.lock();
            try {
                // Received while stopping: not handled, so the messages come back after their visibility timeout.
                if (!stopping) {
                    handle(batch);
                }
            } finally {
                handling.unlock();
            }
        }
    }

    /** Fetches and starts nothing more; a batch in hand still finishes. */
    void requestStop() {
        stopping = true;
    }

    /** Waits at most {@code timeoutMillis} for the batch in hand; true when none is left. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        if (handling.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
            handling.unlock();
            return true;
        }
        return false;
    }

    String queue() {
        return queue;
    }

    private List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(settings.batchSize())
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private void handle(List<Message> batch) {
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            int receiveCount = receiveCount(message);
            try {
                handler.handle(new QueueMessage(queue, message.messageId(), message.body(), receiveCount));
                done.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, failureText(message, receiveCount, e), e);
            } catch (Error e) {
                LOG.log(System.Logger.Level.ERROR, failureText(message, receiveCount, e), e);
                throw e;
            }
        }
        if (!done.isEmpty()) {
            delete(done);
        }
    }

    private void delete(List<DeleteMessageBatchRequestEntry> entries) {
        try {
            List<BatchResultErrorEntry> failed = sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(entries))
                    .failed();
            for (BatchResultErrorEntry entry : failed) {
                LOG.log(System.Logger.Level.WARNING, "could not delete a handled message from {0} ({1}: {2}); it will be"
                        + " delivered again, which the handlers tolerate", queue, entry.code(), entry.message());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete {0} handled messages from {1} ({2}); they will be"
                    + " delivered again, which the handlers tolerate", entries.size(), queue, e.getMessage());
        }
    }

    private String failureText(Message message, int receiveCount, Throwable failure) {
        boolean lastAttempt = !queue.endsWith(QueueNames.DLQ_SUFFIX) && receiveCount >= settings.maxReceiveCount();
        String next = lastAttempt ? "that was its last attempt: SQS moves it to " + QueueNames.deadLetter(queue)
                : "it is delivered again after the visibility timeout";
        return "message " + message.messageId() + " from " + queue + " failed on delivery " + receiveCount
                + " of " + settings.maxReceiveCount() + ": " + failure + "; " + next;
    }

    private static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
