package io.genreflow.splitter;

import io.genreflow.contracts.QueueNames;
import io.genreflow.settings.Setting;
import io.genreflow.settings.SharedSettings;
import io.genreflow.split.SplitLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    /** The largest upload read. */
    public static final Setting MAX_BYTES = Setting.optional("genreflow.splitter.max-bytes",
            SplitLimits.DEFAULT_MAX_BYTES, "the largest upload the splitter reads, in bytes; a larger one fails its track");
    /** The longest audio accepted. */
    public static final Setting MAX_DURATION_SECONDS = Setting.optional("genreflow.splitter.max-duration-seconds",
            SplitLimits.DEFAULT_MAX_DURATION_SECONDS, "the longest decoded audio the splitter accepts, in seconds");
    /** Snippets per batch: a few seconds of work for a one-vCPU classifier. */
    public static final Setting SNIPPETS_PER_BATCH = Setting.optional("genreflow.splitter.snippets-per-batch", 32,
            "the most snippets in one batch message to a classifier");

    /** Every setting of the splitter function. */
    public static final List<Setting> DEFINITIONS = List.of(SharedSettings.BUCKET, SharedSettings.QUEUE_PREFIX,
            SharedSettings.MODELS_MANIFEST, MAX_BYTES, MAX_DURATION_SECONDS, SNIPPETS_PER_BATCH);

    public SplitterSettings {
        SharedSettings.requirePresent(bucket, queues, manifest);
        Objects.requireNonNull(limits, "limits");
        if (snippetsPerBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one snippet, got " + snippetsPerBatch);
        }
    }

    /** What {@code source} gives by property name, defaults filling in; throws naming a missing or bad setting. */
    public static SplitterSettings from(Function<String, Optional<String>> source) {
        return new SplitterSettings(SharedSettings.BUCKET.value(source), SharedSettings.queues(source),
                SharedSettings.MODELS_MANIFEST.pathValue(source),
                new SplitLimits(MAX_BYTES.longValue(source), MAX_DURATION_SECONDS.doubleValue(source)),
                SNIPPETS_PER_BATCH.intValue(source));
    }
}
