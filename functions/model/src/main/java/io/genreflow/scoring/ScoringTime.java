package io.genreflow.scoring;

import java.util.concurrent.TimeUnit;

/**
 * Where a {@link SnippetScorer} call spent its time: computing features (cutting, transforming,
 * normalising snippets) or running the model. Accumulates over calls; one per thread.
 */
public final class ScoringTime {

    private long featuresNanos;
    private long inferenceNanos;

    void add(long features, long inference) {
        featuresNanos += features;
        inferenceNanos += inference;
    }

    /** Milliseconds spent computing features. */
    public long featuresMillis() {
        return TimeUnit.NANOSECONDS.toMillis(featuresNanos);
    }

    /** Milliseconds spent in the model. */
    public long inferenceMillis() {
        return TimeUnit.NANOSECONDS.toMillis(inferenceNanos);
    }
}
