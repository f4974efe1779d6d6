package io.genreflow.local;

import io.genreflow.contracts.QueueNames;
import io.genreflow.settings.SharedSettings;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

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

    /**
     * The settings the functions and the dashboard read: {@code config}, but with the bucket and
     * queue prefix this stack decided, so they cannot point elsewhere than the stack does.
     */
    public Function<String, Optional<String>> settings(Function<String, Optional<String>> config) {
        return overriding(Map.of(SharedSettings.BUCKET.name(), bucket, SharedSettings.QUEUE_PREFIX.name(),
                queues.prefix()), config);
    }

    /** {@code values} where they name a setting, {@code fallback} for the rest. */
    static Function<String, Optional<String>> overriding(Map<String, String> values,
                                                         Function<String, Optional<String>> fallback) {
        return name -> values.containsKey(name) ? Optional.of(values.get(name)) : fallback.apply(name);
    }
}
