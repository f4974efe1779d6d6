package io.genreflow.messaging;

/**
 * What a {@link QueueRouter} does with a message that can never be used: a body that is not the
 * queue's contract, or an {@link UnusableMessageException} from its handler.
 */
public enum WhenUnusable {
    /** Throw, so SQS delivers it again and, after the queue's receive count, moves it to its dead-letter queue. */
    REDELIVER,
    /**
     * Log it with its queue and message id and acknowledge it: for dead-letter queues, which have no
     * dead-letter queue of their own, so throwing would deliver it again forever.
     */
    ACKNOWLEDGE
}
