package io.genreflow.handlers;

import io.genreflow.messaging.QueueNames;
import io.genreflow.split.SplitLimits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the splitter runs.
 *
 * @param bucket           the bucket of uploads and track state
 * @param queues           the queue names
 * @param manifest         the model manifest (the model files need not be beside it)
 * @param limits           the largest and longest upload accepted
 * @param snippetsPerBatch the most snippets in one batch message
 */
public record SplitterSettings(String bucket, QueueNames queues, Path manifest, SplitLimits limits,
                               int snippetsPerBatch) {

    /** Snippets per batch unless configured: a few seconds of work for a one-vCPU classifier. */
    public static final int DEFAULT_SNIPPETS_PER_BATCH = 32;

    public SplitterSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(limits, "limits");
        if (snippetsPerBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one snippet, got " + snippetsPerBatch);
        }
    }
}
