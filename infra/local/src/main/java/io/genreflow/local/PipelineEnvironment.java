package io.genreflow.local;

import io.genreflow.contracts.QueueNames;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;

/**
 * What the handlers get to work with once the stack is up: clients for the running S3 and SQS,
 * the bucket and the queues.
 *
 * @param s3        a client of the stack's S3
 * @param sqs       a client of the stack's SQS
 * @param bucket    the bucket uploads arrive in
 * @param region    the region
 * @param queues    the queue names
 * @param queueUrls queue name to URL, work queues and dead-letter queues alike
 */
public record PipelineEnvironment(S3Client s3, SqsClient sqs, String bucket, String region, QueueNames queues,
                                  Map<String, String> queueUrls) {

    public PipelineEnvironment {
        queueUrls = Map.copyOf(queueUrls);
    }

    /** The URL of {@code queue}. */
    public String queueUrl(String queue) {
        String url = queueUrls.get(queue);
        if (url == null) {
            throw new IllegalArgumentException("no queue named '" + queue + "'; known: " + queueUrls.keySet());
        }
        return url;
    }
}
