package io.genreflow.messaging.polling;

import java.time.Duration;

/**
 * How a queue is polled.
 *
 * @param concurrency     pollers per queue, each handling one batch at a time
 * @param batchSize       messages per receive, 1..10
 * @param waitTime        long-poll wait, 0..20 s
 * @param maxReceiveCount deliveries before SQS dead-letters a message of a work queue; only worded into logs
 */
public record PollerSettings(int concurrency, int batchSize, Duration waitTime, int maxReceiveCount) {

    public PollerSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("pollers per queue must be at least 1, got " + concurrency);
        }
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("an SQS batch holds 1 to 10 messages, got " + batchSize);
        }
        if (waitTime.isNegative() || waitTime.toSeconds() > 20) {
            throw new IllegalArgumentException("SQS long polls wait 0 to 20 s, got " + waitTime);
        }
    }
}
