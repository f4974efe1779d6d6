package io.genreflow.messaging;

import java.util.Objects;

/**
 * One SQS message as a handler sees it, whoever delivered it (Lambda's event-source mapping
 * through Funqy, or the local poller).
 *
 * @param queue        the name of the queue it came from (the last part of Lambda's
 *                     {@code eventSourceARN}); a handler serving several queues routes on it
 * @param messageId    SQS's id of the message, what a partial batch failure names
 * @param body         the message body
 * @param receiveCount how many times SQS has handed the message out, this time included
 *                     ({@code ApproximateReceiveCount}); 1 on the first delivery
 */
public record QueueMessage(String queue, String messageId, String body, int receiveCount) {

    public QueueMessage {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        if (receiveCount < 1) {
            throw new IllegalArgumentException("a delivered message has been received at least once, got "
                    + receiveCount);
        }
    }

    /**
     * One record of a Lambda SQS event: the queue is the last part of its ARN
     * ({@code arn:aws:sqs:<region>:<account>:<queue>}), the receive count its
     * {@code ApproximateReceiveCount} attribute.
     *
     * @throws IllegalArgumentException when the ARN names no queue or the receive count is not a positive number
     */
    public static QueueMessage fromSqsRecord(String eventSourceArn, String messageId, String body,
                                             String approximateReceiveCount) {
        Objects.requireNonNull(eventSourceArn, "eventSourceArn");
        String queue = eventSourceArn.substring(eventSourceArn.lastIndexOf(':') + 1);
        if (queue.isEmpty()) {
            throw new IllegalArgumentException("the event source '" + eventSourceArn + "' names no queue");
        }
        int receiveCount;
        try {
            receiveCount = Integer.parseInt(Objects.requireNonNull(approximateReceiveCount,
                    "the ApproximateReceiveCount attribute is missing"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ApproximateReceiveCount '" + approximateReceiveCount
                    + "' is not a number", e);
        }
        return new QueueMessage(queue, messageId, body, receiveCount);
    }
}
