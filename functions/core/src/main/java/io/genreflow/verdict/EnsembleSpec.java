package io.genreflow.verdict;

import java.util.List;
import java.util.Map;

/**
 * How serving combines per-representation track scores into one distribution over labels.
 * Fitted on validation data by training and stored in the model manifest.
 *
 * @param strategy    which combination to use
 * @param reliability for {@link Strategy#SELECTIVE_ACTIVATION}: representation id to one weight per
 *                    label (e.g. validation precision); representations that did not beat chance
 *                    on validation are absent, i.e. switched off
 * @param stacking    for {@link Strategy#STACKING}: the fitted meta-classifier, otherwise null
 */
public record EnsembleSpec(Strategy strategy, Map<String, double[]> reliability, StackingSpec stacking) {

    /** The available combination rules. */
    public enum Strategy {
        /** Plain average of every representation's track scores. */
        MEAN,
        /** Per-class reliability-weighted average over the representations switched on. */
        SELECTIVE_ACTIVATION,
        /** Multinomial logistic regression over the concatenated track scores. */
        STACKING
    }

    /**
     * A multinomial logistic-regression meta-classifier.
     *
     * @param inputs  representation ids whose track scores are concatenated, in this order
     * @param weights one row per label, one column per concatenated input score
     * @param bias    one intercept per label
     */
    public record StackingSpec(List<String> inputs, double[][] weights, double[] bias) {
    }
}
