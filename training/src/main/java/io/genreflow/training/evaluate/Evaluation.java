package io.genreflow.training.evaluate;

import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.TrackSelection;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code genreflow evaluate} measured, as written to evaluation.json.
 *
 * @param schemaVersion      {@value #SCHEMA_VERSION}
 * @param modelVersion       the evaluated model set
 * @param dataset            the prepared dataset's folder
 * @param selection          which of its tracks were evaluated
 * @param labels             the label names, in the order of every per-label array
 * @param classCounts        evaluated tracks per label
 * @param imbalanceRatio     the largest class count over the smallest non-zero one
 * @param ensembleStrategy   how the manifest combines the representations
 * @param snippetHopSeconds  distance between the evaluated snippets, as prepared
 * @param servingHopSeconds  distance between snippets when serving (the manifest's)
 * @param bootstrap          how the confidence intervals were drawn
 * @param variants           augmentation name ({@code none} first) to the scores on that variant
 * @param robustness         per variant other than {@code none}: model ({@code ensemble} or a
 *                           representation id) to its drops from the original audio
 */
public record Evaluation(
        int schemaVersion,
        String modelVersion,
        String dataset,
        TrackSelection selection,
        List<String> labels,
        Map<String, Integer> classCounts,
        double imbalanceRatio,
        String ensembleStrategy,
        double snippetHopSeconds,
        double servingHopSeconds,
        TrackBootstrap bootstrap,
        Map<String, VariantEvaluation> variants,
        Map<String, Map<String, MetricDrops>> robustness) {

    /** Version of the evaluation.json format. */
    public static final int SCHEMA_VERSION = 1;

    /** The key of the ensemble beside the representation ids in {@link #robustness}. */
    public static final String ENSEMBLE = "ensemble";

    /** The scores on the original audio. */
    public VariantEvaluation original() {
        return variants.get(DatasetLayout.ORIGINAL_AUDIO);
    }
}
