package io.genreflow.training.evaluate;

import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.metrics.ClassificationMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes an {@link Evaluation} as a Markdown report a person reads (evaluation.md). */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /** The file name of the confusion-matrix picture of {@code model} (a representation id or {@code ensemble}). */
    public static String confusionImageName(String model) {
        return "confusion-" + model + ".png";
    }

    /** The report's Markdown text. */
    public static String markdown(Evaluation evaluation) {
        StringBuilder md = new StringBuilder();
        VariantEvaluation original = evaluation.original();
        md.append("# Evaluation of model set `").append(evaluation.modelVersion()).append("`\n\n");
        md.append(String.format(Locale.ROOT, """
                - Data: `%s`, %s: %d tracks, %d snippets of original audio (one every %s s as prepared; \
                serving cuts one every %s s).
                - Ensemble: %s over %s.
                - Confidence intervals: %.0f %% percentile bootstrap over tracks, %d resamples, seed %d.
                - Snippet figures count every snippet on its own; track figures pool a track's snippets by \
                their mean probability (silent snippets left out), exactly as serving does.

                """, evaluation.dataset(), evaluation.selection().description(), original.tracks(),
                original.snippets(), number(evaluation.snippetHopSeconds()), number(evaluation.servingHopSeconds()),
                evaluation.ensembleStrategy(), String.join(", ", original.representations().keySet()),
                TrackBootstrap.CONFIDENCE * 100, evaluation.bootstrap().resamples(), evaluation.bootstrap().seed()));
        classCounts(md, evaluation);
        headline(md, original);
        divideAndConquer(md, original);
        robustness(md, evaluation);
        perClass(md, evaluation, original);
        md.append("""
                ## How to read the figures

                Accuracy is the share of correct answers; with imbalanced classes it mostly reflects the \
                largest ones. Balanced accuracy is the mean recall over the labels present (chance level is \
                1 / labels whatever the imbalance), macro-F1 the mean per-label F1 over the labels present \
                or predicted. The intervals say how much the track figures could move with another sample \
                of tracks like these; with a few dozen tracks they are wide.
                """);
        return md.toString();
    }

    private static void classCounts(StringBuilder md, Evaluation evaluation) {
        md.append("## Class counts\n\n| label | tracks |\n| --- | ---: |\n");
        evaluation.classCounts().forEach((label, count) -> md.append("| ").append(label).append(" | ").append(count)
                .append(" |\n"));
        md.append(String.format(Locale.ROOT, "%nLargest class over smallest: %.1f.%n%n", evaluation.imbalanceRatio()));
    }

    private static void headline(StringBuilder md, VariantEvaluation original) {
        md.append("""
                ## Original audio

                | model | snippet accuracy | snippet balanced accuracy | snippet macro-F1 | track accuracy \
                | track balanced accuracy (95 % CI) | track macro-F1 (95 % CI) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        models(original).forEach((name, scores) -> md.append(String.format(Locale.ROOT,
                "| %s | %.3f | %.3f | %.3f | %.3f | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) |%n", name,
                scores.snippet().accuracy(), scores.snippet().balancedAccuracy(), scores.snippet().macroF1(),
                scores.track().accuracy(), scores.track().balancedAccuracy(),
                scores.trackIntervals().balancedAccuracy().lower(), scores.trackIntervals().balancedAccuracy().upper(),
                scores.track().macroF1(), scores.trackIntervals().macroF1().lower(),
                scores.trackIntervals().macroF1().upper())));
        md.append('\n');
    }

    private static void divideAndConquer(StringBuilder md, VariantEvaluation original) {
        md.append("""
                ## Divide & conquer: snippets versus tracks

                A track's answer pools all its snippets. The mean of their probabilities is what serving \
                uses; a majority vote of their answers is shown for comparison.

                | model | snippet balanced accuracy | track balanced accuracy (mean) | gain | track balanced accuracy (vote) |
                | --- | ---: | ---: | ---: | ---: |
                """);
        models(original).forEach((name, scores) -> md.append(String.format(Locale.ROOT,
                "| %s | %.3f | %.3f | %+.3f | %.3f |%n", name, scores.snippet().balancedAccuracy(),
                scores.track().balancedAccuracy(), scores.track().balancedAccuracy() - scores.snippet().balancedAccuracy(),
                scores.trackByVote().balancedAccuracy())));
        md.append('\n');
    }

    private static void robustness(StringBuilder md, Evaluation evaluation) {
        md.append("## Robustness: sped-up audio\n\n");
        if (evaluation.robustness().isEmpty()) {
            md.append("The dataset holds no sped-up variants of these tracks (prepare with `--augment speed-1.1,"
                    + "speed-1.25` to measure this).\n\n");
            return;
        }
        md.append("""
                The same tracks played faster (tempo and pitch together, like a turntable), prepared from \
                the audio by `prepare`. Each cell: track accuracy / track balanced accuracy, and in brackets \
                the change in track accuracy from the original audio (`none`).

                """);
        List<String> variants = new ArrayList<>(evaluation.variants().keySet());
        md.append("| model |");
        variants.forEach(variant -> md.append(' ').append(variant).append(" |"));
        md.append("\n| --- |").append(" ---: |".repeat(variants.size())).append('\n');
        for (String name : models(evaluation.original()).keySet()) {
            md.append("| ").append(name).append(" |");
            for (String variant : variants) {
                ModelScores scores = models(evaluation.variants().get(variant)).get(name);
                md.append(String.format(Locale.ROOT, " %.3f / %.3f", scores.track().accuracy(),
                        scores.track().balancedAccuracy()));
                if (!variant.equals(DatasetLayout.ORIGINAL_AUDIO)) {
                    // The change is minus the drop; unlike -x, 0.0 - x is +0.0 when nothing changed.
                    md.append(String.format(Locale.ROOT, " (%+.3f)",
                            0.0 - evaluation.robustness().get(variant).get(name).trackAccuracy()));
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void perClass(StringBuilder md, Evaluation evaluation, VariantEvaluation original) {
        List<String> labels = evaluation.labels();
        models(original).forEach((name, scores) -> {
            ClassificationMetrics track = scores.track();
            md.append("## ").append(name).append(": per class (tracks)\n\n");
            md.append("| label | tracks | precision | recall | F1 |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (int c = 0; c < labels.size(); c++) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", labels.get(c),
                        track.support()[c], track.precision()[c], track.recall()[c], track.f1()[c]));
            }
            md.append("\nConfusion (rows: true label, columns: predicted):\n\n| |");
            labels.forEach(label -> md.append(' ').append(label).append(" |"));
            md.append("\n| --- |").append(" ---: |".repeat(labels.size())).append('\n');
            for (int t = 0; t < labels.size(); t++) {
                md.append("| ").append(labels.get(t)).append(" |");
                for (int p = 0; p < labels.size(); p++) {
                    md.append(' ').append(track.confusion()[t][p]).append(" |");
                }
                md.append('\n');
            }
            md.append("\n![").append(name).append(" confusion matrix](").append(confusionImageName(name))
                    .append(")\n\n");
        });
    }

    /** The representations' scores and then the ensemble's, by name. */
    static Map<String, ModelScores> models(VariantEvaluation variant) {
        Map<String, ModelScores> models = new LinkedHashMap<>(variant.representations());
        models.put(Evaluation.ENSEMBLE, variant.ensemble());
        return models;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }
}
