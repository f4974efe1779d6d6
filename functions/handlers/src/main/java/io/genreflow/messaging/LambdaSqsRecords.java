package io.genreflow.messaging;

import java.util.Map;

/**
 * Hands one record of a Lambda SQS event to a {@link MessageHandler}, as each Funqy function does.
 * Funqy reports a record whose call throws as a batch item failure but logs nothing, so the
 * failure is logged here before it is rethrown.
 */
public final class LambdaSqsRecords {

    private static final System.Logger LOG = System.getLogger(LambdaSqsRecords.class.getName());

    private LambdaSqsRecords() {
    }

    /**
     * Delivers the record to {@code handler}.
     *
     * @param attributes the record's system attributes; {@code ApproximateReceiveCount} is read
     * @throws Exception what the handler threw, or {@link IllegalArgumentException} for a record
     *                   that is not an SQS record; either way SQS delivers the record again
     */
    public static void deliver(MessageHandler handler, String eventSourceArn, String messageId, String body,
                               Map<String, String> attributes) throws Exception {
        try {
            if (attributes == null) {
                throw new IllegalArgumentException("the record has no attributes; is this an SQS event?");
            }
            handler.handle(QueueMessage.fromSqsRecord(eventSourceArn, messageId, body,
                    attributes.get("ApproximateReceiveCount")));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "message " + messageId + " from " + eventSourceArn
                    + " failed and will be delivered again: " + e.getMessage(), e);
            throw e;
        }
    }
}
