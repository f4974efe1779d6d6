package io.genreflow.training.evaluate;

import java.util.Map;

/**
 * The scores of every model on one variant of the evaluated tracks.
 *
 * @param augmentation    the variant ({@code none} for the original audio)
 * @param tracks          tracks scored
 * @param snippets        snippets scored
 * @param representations representation id to its model's scores
 * @param ensemble        the scores of the manifest's ensemble
 */
public record VariantEvaluation(String augmentation, int tracks, int snippets, Map<String, ModelScores> representations,
                                ModelScores ensemble) {
}
