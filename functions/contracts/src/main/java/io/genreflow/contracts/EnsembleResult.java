package io.genreflow.contracts;

import io.genreflow.manifest.EnsembleSpec;

import java.util.List;
import java.util.Map;

/**
 * One distribution over labels made from several representations, and how it was made.
 *
 * <p>A one-off computation result: the arrays are fresh and owned by the caller, and equality is
 * the record default (array identity); the stored form is {@code io.genreflow.contracts.Verdict}.
 *
 * @param probabilities one probability per label, summing to 1
 * @param strategy      the rule actually applied (a degraded stacking verdict reports its fallback)
 * @param weights       per representation that contributed, its share of each label's score (for each
 *                      label the shares sum to 1); empty for stacking, whose influence is not a
 *                      per-label share
 * @param degraded      true when a representation the strategy needed was missing
 * @param missing       the representation ids the strategy needed and did not get
 */
public record EnsembleResult(
        double[] probabilities,
        EnsembleSpec.Strategy strategy,
        Map<String, double[]> weights,
        boolean degraded,
        List<String> missing) {
}
