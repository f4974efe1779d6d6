package io.genreflow.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.contracts.QueueNames;
import io.genreflow.testing.LocalAws;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class MessageSenderTest {

    private static final QueueNames QUEUES = new QueueNames("sender-");

    private static LocalAws aws;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start();
        aws.createQueues(QUEUES);
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void everyMessageArrivesOnceWhateverTheCount() {
        List<String> bodies = IntStream.range(0, 23).mapToObj(i -> "{\"n\":" + i + "}").toList();

        new MessageSender(aws.sqs()).sendAll(QUEUES.results(), bodies);

        assertEquals(bodies.stream().sorted().toList(),
                aws.drain(QUEUES.results()).stream().map(LocalAws.Received::body).sorted().toList());
    }

    @Test
    void batchesKeepWithinSqsEntryAndSizeLimits() {
        List<List<SendMessageBatchRequestEntry>> byCount = MessageSender.batches(
                IntStream.range(0, 21).mapToObj(Integer::toString).toList());
        String large = "x".repeat(100 * 1024);
        List<List<SendMessageBatchRequestEntry>> bySize = MessageSender.batches(List.of(large, large, large, "y"));

        assertEquals(List.of(10, 10, 1), byCount.stream().map(List::size).toList());
        assertEquals(List.of(2, 2), bySize.stream().map(List::size).toList());
    }

    @Test
    void anUnknownQueueIsAnError() {
        assertThrows(QueueDoesNotExistException.class,
                () -> new MessageSender(aws.sqs()).send("no-such-queue", "{}"));
    }
}
