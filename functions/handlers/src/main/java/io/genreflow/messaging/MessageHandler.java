package io.genreflow.messaging;

/**
 * Handles one message of a queue. Returning normally acknowledges it (it is deleted); throwing
 * leaves it on the queue to be delivered again after its visibility timeout, and after the
 * queue's maximum receive count SQS moves it to the dead-letter queue. Handlers are idempotent:
 * any message may arrive more than once.
 */
@FunctionalInterface
public interface MessageHandler {

    /** Processes {@code message}; throws to have it redelivered. */
    void handle(QueueMessage message) throws Exception;
}
