package io.genreflow.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueMessageTest {

    @Test
    void aLambdaRecordNamesItsQueueByTheArnsLastPart() {
        QueueMessage message = QueueMessage.fromSqsRecord("arn:aws:sqs:eu-west-1:123456789012:genreflow-results",
                "m-1", "{}", "3");

        assertEquals(new QueueMessage("genreflow-results", "m-1", "{}", 3), message);
    }

    @Test
    void anArnWithoutAQueueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueMessage.fromSqsRecord("arn:aws:sqs:eu-west-1:123456789012:", "m-1", "{}", "1"));

        assertTrue(e.getMessage().contains("names no queue"), e.getMessage());
    }

    @Test
    void aMissingOrNonNumericReceiveCountIsRejected() {
        assertThrows(NullPointerException.class,
                () -> QueueMessage.fromSqsRecord("arn:aws:sqs:us-east-1:1:uploads", "m-1", "{}", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueMessage.fromSqsRecord("arn:aws:sqs:us-east-1:1:uploads", "m-1", "{}", "often"));
        assertTrue(e.getMessage().contains("'often'"), e.getMessage());
    }
}
