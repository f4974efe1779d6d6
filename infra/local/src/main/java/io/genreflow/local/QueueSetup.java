package io.genreflow.local;

import io.genreflow.contracts.QueueNames;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates genreflow's queues, each with its dead-letter queue and redrive policy, or finds existing ones. */
final class QueueSetup {

    private QueueSetup() {
    }

    /**
     * Creates every work queue and its dead-letter queue; creating a queue that already exists with the
     * same attributes is a no-op in SQS, so a restart against a running server is fine.
     *
     * @return queue name to URL, dead-letter queues included
     */
    static Map<String, String> create(SqsClient sqs, QueueNames names, int maxReceiveCount,
                                      Duration visibilityTimeout, Duration uploadsVisibilityTimeout) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String queue : names.workQueues()) {
            String deadLetter = QueueNames.deadLetter(queue);
            String deadLetterUrl = sqs.createQueue(c -> c.queueName(deadLetter)).queueUrl();
            String deadLetterArn = sqs.getQueueAttributes(g -> g.queueUrl(deadLetterUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            Duration visibility = queue.equals(names.uploads()) ? uploadsVisibilityTimeout : visibilityTimeout;
            String url = sqs.createQueue(c -> c.queueName(queue).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibility.toSeconds()),
                    QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"" + maxReceiveCount
                            + "\",\"deadLetterTargetArn\":\"" + deadLetterArn + "\"}"))).queueUrl();
            urls.put(queue, url);
            urls.put(deadLetter, deadLetterUrl);
        }
        return urls;
    }

    /** The URLs of queues created by someone else (the CDK app, an operator). */
    static Map<String, String> find(SqsClient sqs, QueueNames names) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String queue : names.workQueues()) {
            for (String name : new String[] {queue, QueueNames.deadLetter(queue)}) {
                urls.put(name, sqs.getQueueUrl(g -> g.queueName(name)).queueUrl());
            }
        }
        return urls;
    }
}
