package io.genreflow.model;

import java.util.Arrays;

/**
 * The standardisation {@code (x - mean) / std} a model was trained with, applied to its input
 * before inference. Either one pair for every feature column (arrays of length 1) or one pair per
 * column of the snippet's last axis. The arrays are shared, not copied: treat them as read-only.
 *
 * @param mean per-column means, or a single mean
 * @param std  per-column standard deviations (positive), or a single one
 */
public record NormalisationSpec(double[] mean, double[] std) {

    public NormalisationSpec {
        Require.present("mean", mean);
        Require.present("std", std);
        Require.that(mean.length >= 1 && mean.length == std.length,
                "normalisation 'mean' and 'std' must be non-empty and equally long, got "
                        + mean.length + " and " + std.length + " values");
        Require.that(Arrays.stream(mean).allMatch(Double::isFinite), "normalisation 'mean' holds a non-finite value");
        Require.that(Arrays.stream(std).allMatch(s -> s > 0 && Double.isFinite(s)),
                "normalisation 'std' values must be positive and finite, got " + Arrays.toString(std));
    }
}
