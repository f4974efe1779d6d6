package io.genreflow.messaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaSqsRecordsTest {

    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:genreflow-results";

    @Test
    void handsTheRecordOverAsAQueueMessage() throws Exception {
        List<QueueMessage> received = new ArrayList<>();
        LambdaSqsRecords.deliver(received::add, ARN, "m-1", "{}", Map.of("ApproximateReceiveCount", "2"));
        assertEquals(List.of(new QueueMessage("genreflow-results", "m-1", "{}", 2)), received);
    }

    @Test
    void rethrowsWhatTheHandlerThrowsSoTheRecordIsReportedFailed() {
        IllegalStateException failure = new IllegalStateException("S3 is away");
        MessageHandler failing = message -> {
            throw failure;
        };
        assertSame(failure, assertThrows(IllegalStateException.class, () ->
                LambdaSqsRecords.deliver(failing, ARN, "m-2", "{}", Map.of("ApproximateReceiveCount", "1"))));
    }

    @Test
    void refusesARecordWithoutAttributes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () ->
                LambdaSqsRecords.deliver(message -> { }, ARN, "m-3", "{}", null));
        assertTrue(failure.getMessage().contains("no attributes"), failure.getMessage());
    }
}
