package io.genreflow.embedded;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedSqsTest {

    @Test
    void sendsReceivesAndDeletesInBatches() {
        try (EmbeddedSqs server = EmbeddedSqs.create(0, "eu-west-1").start(); SqsClient sqs = Clients.sqs(server)) {
            String queue = sqs.createQueue(c -> c.queueName("work")).queueUrl();
            assertTrue(queue.startsWith(server.endpoint().toString()), queue);
            sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(
                    e -> e.id("1").messageBody("one"), e -> e.id("2").messageBody("two")));

            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            assertEquals(List.of("one", "two"), received.stream().map(Message::body).sorted().toList());
            sqs.deleteMessageBatch(d -> d.queueUrl(queue).entries(received.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
            assertEquals(List.of(), sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0)).messages());

            String arn = sqs.getQueueAttributes(g -> g.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            assertTrue(arn.startsWith("arn:aws:sqs:eu-west-1:"), arn);
        }
    }

    @Test
    void movesAMessageToTheDeadLetterQueueAfterMaxReceiveCount() {
        try (EmbeddedSqs server = EmbeddedSqs.create(0, "us-east-1").start(); SqsClient sqs = Clients.sqs(server)) {
            String dlq = sqs.createQueue(c -> c.queueName("work-dlq")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(g -> g.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String queue = sqs.createQueue(c -> c.queueName("work").attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
            sqs.sendMessage(s -> s.queueUrl(queue).messageBody("poison"));

            for (int attempt = 1; attempt <= 2; attempt++) {
                Message message = receiveOne(sqs, queue);
                assertEquals(String.valueOf(attempt),
                        message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                // Failing: hand it back at once instead of waiting out the visibility timeout.
                sqs.changeMessageVisibility(c -> c.queueUrl(queue).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }

            assertEquals(List.of(), sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0)).messages());
            assertEquals("poison", receiveOne(sqs, dlq).body());
        }
    }

    @Test
    void startAndStopAreIdempotent() {
        ServerChecks.startAndStopAreIdempotent(EmbeddedSqs.create(0, "us-east-1"));
    }

    @Test
    void saysWhichPortIsTaken() throws Exception {
        ServerChecks.saysWhichPortIsTaken(port -> EmbeddedSqs.create(port, "us-east-1"));
    }

    private static Message receiveOne(SqsClient sqs, String queue) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertEquals(1, messages.size(), "messages received from " + queue);
        return messages.get(0);
    }
}
