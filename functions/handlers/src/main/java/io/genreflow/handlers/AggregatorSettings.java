package io.genreflow.handlers;

import io.genreflow.messaging.QueueNames;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the aggregator runs.
 *
 * @param bucket   the bucket of track state
 * @param queues   the queue names
 * @param manifest the model manifest (the model files need not be beside it)
 * @param topK     how many labels a verdict ranks
 */
public record AggregatorSettings(String bucket, QueueNames queues, Path manifest, int topK) {

    public AggregatorSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(manifest, "manifest");
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
        }
    }
}
