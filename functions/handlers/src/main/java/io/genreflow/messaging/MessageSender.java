package io.genreflow.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends messages to queues by name with SendMessageBatch, as few calls as SQS's limits allow.
 * Entries SQS fails for its own reasons (throttling, internal errors) are sent again a few times;
 * what still fails, or fails because of the message itself, ends in a {@link MessageSendException},
 * so the caller's message is redelivered and the whole send repeated (receivers are idempotent).
 * Queue URLs are looked up once per queue. Thread-safe.
 */
public final class MessageSender {

    /** Most entries SQS takes in one SendMessageBatch. */
    static final int MAX_ENTRIES = 10;
    /** Most bytes of message bodies SQS takes in one SendMessageBatch (its classic 256 KiB limit). */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final int ATTEMPTS = 4;
    private static final long BACKOFF_MILLIS = 100;

    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public MessageSender(SqsClient sqs) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
    }

    /** Sends one message to {@code queue}. */
    public void send(String queue, String body) {
        sendAll(queue, List.of(body));
    }

    /**
     * Sends every body to {@code queue}, in batches.
     *
     * @throws MessageSendException when some could not be sent
     */
    public void sendAll(String queue, List<String> bodies) {
        String url = queueUrls.computeIfAbsent(queue, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
        for (List<SendMessageBatchRequestEntry> batch : batches(bodies)) {
            sendBatch(queue, url, batch);
        }
    }

    private void sendBatch(String queue, String url, List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> toSend = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(toSend));
            if (response.failed().isEmpty()) {
                return;
            }
            boolean messageAtFault = response.failed().stream().anyMatch(BatchResultErrorEntry::senderFault);
            if (messageAtFault || attempt == ATTEMPTS) {
                throw new MessageSendException(response.failed().size() + " of " + toSend.size() + " messages to "
                        + queue + " failed" + (messageAtFault ? "" : " after " + ATTEMPTS + " attempts") + ": "
                        + response.failed().stream().map(f -> f.code() + " (" + f.message() + ")")
                        .distinct().collect(Collectors.joining(", ")));
            }
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            pending = toSend.stream().filter(entry -> failedIds.contains(entry.id())).toList();
            pause(attempt);
        }
    }

    /** Consecutive bodies grouped within SQS's entry-count and size limits. */
    static List<List<SendMessageBatchRequestEntry>> batches(List<String> bodies) {
        List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
        List<SendMessageBatchRequestEntry> current = new ArrayList<>();
        int currentBytes = 0;
        for (String body : bodies) {
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (current.size() == MAX_ENTRIES || (!current.isEmpty() && currentBytes + bytes > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(current.size())).messageBody(body)
                    .build());
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageSendException("interrupted while retrying a send");
        }
    }
}
