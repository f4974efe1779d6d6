package io.genreflow.training.evaluate;

import io.genreflow.manifest.ModelManifest;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.TrackSelection;
import io.genreflow.training.metrics.ClassificationMetrics;
import io.genreflow.verdict.Ensemble;
import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.contracts.GenreRanking;
import io.genreflow.verdict.SnippetPooling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the snippet probabilities of a manifest's models into an {@link Evaluation}, deciding
 * every prediction with the serving maths: {@link SnippetPooling#mean} per representation,
 * {@link Ensemble#combine} with the manifest's ensemble, {@link GenreRanking} for the answer.
 * Snippet-level figures count every snippet, silent ones too, as the trainer's do; track-level
 * figures leave silent snippets out of the pooling, as serving does.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates the scored variants.
     *
     * @param scores    augmentation name to its scores; must hold {@code none}
     * @param bootstrap how to draw the confidence intervals
     */
    public static Evaluation evaluate(ModelManifest manifest, Path dataset, TrackSelection selection,
                                      double snippetHopSeconds, Map<String, VariantScores> scores,
                                      TrackBootstrap bootstrap) {
        VariantScores original = scores.get(DatasetLayout.ORIGINAL_AUDIO);
        if (original == null) {
            throw new IllegalArgumentException("an evaluation needs the original audio's scores");
        }
        Map<String, VariantEvaluation> variants = new LinkedHashMap<>();
        scores.forEach((augmentation, variant) -> variants.put(augmentation, variant(manifest, variant, bootstrap)));
        Map<String, Map<String, MetricDrops>> robustness = new LinkedHashMap<>();
        VariantEvaluation reference = variants.get(DatasetLayout.ORIGINAL_AUDIO);
        variants.forEach((augmentation, variant) -> {
            if (!augmentation.equals(DatasetLayout.ORIGINAL_AUDIO)) {
                robustness.put(augmentation, drops(reference, variant));
            }
        });
        List<String> labels = manifest.labels();
        Map<String, Integer> classCounts = new LinkedHashMap<>();
        int[] support = reference.ensemble().track().support();
        for (int c = 0; c < labels.size(); c++) {
            classCounts.put(labels.get(c), support[c]);
        }
        return new Evaluation(Evaluation.SCHEMA_VERSION, manifest.modelVersion(), dataset.toString(), selection, labels,
                classCounts, imbalanceRatio(support), manifest.ensemble().strategy().name(), snippetHopSeconds,
                manifest.snippets().hopSeconds(), bootstrap, variants, robustness);
    }

    /** The scores of every representation and of the ensemble on one variant. */
    private static VariantEvaluation variant(ModelManifest manifest, VariantScores scores, TrackBootstrap bootstrap) {
        List<String> labels = manifest.labels();
        Map<String, ModelScores> representations = new LinkedHashMap<>();
        for (String id : manifest.representations().keySet()) {
            int[] pooled = Arrays.stream(scores.trackScores(id)).mapToInt(row -> predictedLabel(row, labels)).toArray();
            representations.put(id, modelScores(scores.probabilities().get(id), pooled, scores, labels, bootstrap));
        }
        List<float[][]> ensembleSnippets = new ArrayList<>();
        for (int t = 0; t < scores.tracks().size(); t++) {
            ensembleSnippets.add(ensembleSnippets(manifest, scores, t));
        }
        ModelScores ensemble = modelScores(ensembleSnippets, ensembleTrackPredictions(manifest, scores), scores, labels,
                bootstrap);
        return new VariantEvaluation(scores.augmentation(), scores.tracks().size(), scores.snippetCount(),
                representations, ensemble);
    }

    /** The ensemble's track predictions: the manifest's ensemble over the pooled track scores. */
    private static int[] ensembleTrackPredictions(ModelManifest manifest, VariantScores scores) {
        return ensembleTrackPredictions(manifest.ensemble(), manifest.labels(), scores.trackScores());
    }

    /**
     * Track predictions of an ensemble spec.
     *
     * @param trackScores representation id to one pooled score row per track
     */
    public static int[] ensembleTrackPredictions(EnsembleSpec spec, List<String> labels,
                                                 Map<String, double[][]> trackScores) {
        Set<String> expected = trackScores.keySet();
        int tracks = trackScores.values().iterator().next().length;
        int[] predicted = new int[tracks];
        for (int t = 0; t < tracks; t++) {
            Map<String, double[]> track = new LinkedHashMap<>();
            for (Map.Entry<String, double[][]> entry : trackScores.entrySet()) {
                track.put(entry.getKey(), entry.getValue()[t]);
            }
            predicted[t] = predictedLabel(Ensemble.combine(spec, track, expected).probabilities(), labels);
        }
        return predicted;
    }

    /** The label serving answers for a distribution: {@link GenreRanking}'s first. */
    public static int predictedLabel(double[] probabilities, List<String> labels) {
        return labels.indexOf(GenreRanking.of(probabilities, labels, 1).genre());
    }

    /**
     * Snippet, track and voted-track scores of one model.
     *
     * @param perTrack         per track, the model's {@code [snippet][label]} probabilities
     * @param trackPredictions the model's answer per track
     */
    private static ModelScores modelScores(List<float[][]> perTrack, int[] trackPredictions, VariantScores scores,
                                           List<String> labels, TrackBootstrap bootstrap) {
        int[] truth = scores.truth();
        int[] voted = new int[truth.length];
        List<Integer> snippetTruth = new ArrayList<>();
        List<Integer> snippetPredicted = new ArrayList<>();
        for (int t = 0; t < truth.length; t++) {
            float[][] snippets = perTrack.get(t);
            for (float[] snippet : snippets) {
                snippetTruth.add(truth[t]);
                snippetPredicted.add(predictedLabel(toDoubles(snippet), labels));
            }
            voted[t] = predictedLabel(SnippetPooling.voteShares(snippets, scores.silent().get(t)), labels);
        }
        int labelCount = labels.size();
        return new ModelScores(
                ClassificationMetrics.of(toInts(snippetTruth), toInts(snippetPredicted), labelCount),
                ClassificationMetrics.of(truth, trackPredictions, labelCount),
                ClassificationMetrics.of(truth, voted, labelCount),
                bootstrap.intervals(truth, trackPredictions, labelCount));
    }

    /** Per snippet of track {@code t}, the ensemble of the representations' probabilities (as the verdict's timeline). */
    private static float[][] ensembleSnippets(ModelManifest manifest, VariantScores scores, int t) {
        Set<String> expected = scores.probabilities().keySet();
        int snippets = scores.silent().get(t).length;
        float[][] combined = new float[snippets][];
        for (int s = 0; s < snippets; s++) {
            Map<String, double[]> snippet = new LinkedHashMap<>();
            for (Map.Entry<String, List<float[][]>> entry : scores.probabilities().entrySet()) {
                snippet.put(entry.getKey(), toDoubles(entry.getValue().get(t)[s]));
            }
            double[] probabilities = Ensemble.combine(manifest.ensemble(), snippet, expected).probabilities();
            combined[s] = new float[probabilities.length];
            for (int c = 0; c < probabilities.length; c++) {
                combined[s][c] = (float) probabilities[c];
            }
        }
        return combined;
    }

    private static Map<String, MetricDrops> drops(VariantEvaluation original, VariantEvaluation variant) {
        Map<String, MetricDrops> drops = new LinkedHashMap<>();
        original.representations().forEach((id, scores) ->
                drops.put(id, MetricDrops.between(scores, variant.representations().get(id))));
        drops.put(Evaluation.ENSEMBLE, MetricDrops.between(original.ensemble(), variant.ensemble()));
        return drops;
    }

    private static double imbalanceRatio(int[] support) {
        int largest = 0;
        int smallest = Integer.MAX_VALUE;
        for (int count : support) {
            if (count > 0) {
                largest = Math.max(largest, count);
                smallest = Math.min(smallest, count);
            }
        }
        return largest == 0 ? 0 : (double) largest / smallest;
    }

    private static double[] toDoubles(float[] row) {
        double[] values = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            values[c] = row[c];
        }
        return values;
    }

    private static int[] toInts(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
