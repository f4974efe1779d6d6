package io.genreflow.aggregator;

import io.genreflow.contracts.QueueNames;
import io.genreflow.settings.Setting;
import io.genreflow.settings.SharedSettings;
import io.genreflow.verdict.VerdictAssembler;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the aggregator runs.
 *
 * @param bucket   the bucket of track state
 * @param queues   the queue names
 * @param manifest the model manifest (the model files need not be beside it)
 * @param topK     how many labels a verdict ranks
 */
public record AggregatorSettings(String bucket, QueueNames queues, Path manifest, int topK) {

    /** Labels ranked per verdict. */
    public static final Setting TOP_K = Setting.optional("genreflow.aggregator.top-k", VerdictAssembler.DEFAULT_TOP_K,
            "how many labels a verdict ranks, the winner included");

    /** Every setting of the aggregator function. */
    public static final List<Setting> DEFINITIONS = List.of(SharedSettings.BUCKET, SharedSettings.QUEUE_PREFIX,
            SharedSettings.MODELS_MANIFEST, TOP_K);

    public AggregatorSettings {
        SharedSettings.requirePresent(bucket, queues, manifest);
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
        }
    }

    /** What {@code source} gives by property name, defaults filling in; throws naming a missing or bad setting. */
    public static AggregatorSettings from(Function<String, Optional<String>> source) {
        return new AggregatorSettings(SharedSettings.BUCKET.value(source), SharedSettings.queues(source),
                SharedSettings.MODELS_MANIFEST.pathValue(source), TOP_K.intValue(source));
    }
}
