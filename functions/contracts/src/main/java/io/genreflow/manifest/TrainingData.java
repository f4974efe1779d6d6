package io.genreflow.manifest;

import java.util.Map;

/**
 * Where a model's training data came from, recorded for the model card and for auditing.
 *
 * @param dataset     name (and version) of the data set
 * @param trackCounts number of tracks per split, e.g. {@code train}, {@code validation}, {@code test}
 * @param split       how the splits were drawn (e.g. "artist-disjoint, seed 7"), free text; may be null
 */
public record TrainingData(String dataset, Map<String, Integer> trackCounts, String split) {

    public TrainingData {
        Require.nonBlank("dataset", dataset);
        if (trackCounts != null) {
            trackCounts.forEach((name, count) -> Require.that(count != null && count >= 0,
                    "track count for split '" + name + "' must be zero or more, got " + count));
        }
        trackCounts = trackCounts == null ? Map.of() : Map.copyOf(trackCounts);
    }
}
