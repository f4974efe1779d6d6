package io.genreflow.training.evaluate;

import io.genreflow.training.metrics.MeanAndSpread;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Cross-validation in one table: the headline metrics of several evaluations (typically one per
 * fold, each of the model set trained without that fold) as mean and standard deviation.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param evaluations   the evaluation files summarised
 * @param selections    which tracks each evaluated, e.g. {@code fold 0}
 * @param models        model (representation id or {@code ensemble}) to metric name to its spread
 */
public record CvSummary(int schemaVersion, List<String> evaluations, List<String> selections,
                        Map<String, Map<String, MeanAndSpread>> models) {

    /** Version of the cv-summary.json format. */
    public static final int SCHEMA_VERSION = 1;

    /** The summarised metrics, by name, from the scores of a model on the original audio. */
    static final Map<String, ToDoubleFunction<ModelScores>> METRICS = metrics();

    /**
     * Summarises evaluations of the same labels and models on different tracks.
     *
     * @param sources names the evaluations (e.g. their files), in the same order
     * @throws IllegalArgumentException when fewer than two are given, their labels or models differ,
     *                                  or two evaluated the same tracks
     */
    public static CvSummary of(List<Evaluation> evaluations, List<String> sources) {
        if (evaluations.size() < 2 || sources.size() != evaluations.size()) {
            throw new IllegalArgumentException("a cross-validation summary needs at least two evaluations, got "
                    + evaluations.size());
        }
        Evaluation first = evaluations.getFirst();
        List<String> models = List.copyOf(EvaluationReport.models(first.original()).keySet());
        List<String> selections = evaluations.stream().map(evaluation -> evaluation.selection().description()).toList();
        for (int i = 1; i < evaluations.size(); i++) {
            Evaluation other = evaluations.get(i);
            if (!other.labels().equals(first.labels())) {
                throw new IllegalArgumentException(sources.get(i) + " scores the labels " + other.labels() + ", "
                        + sources.getFirst() + " " + first.labels());
            }
            if (!List.copyOf(EvaluationReport.models(other.original()).keySet()).equals(models)) {
                throw new IllegalArgumentException(sources.get(i) + " evaluates the models "
                        + EvaluationReport.models(other.original()).keySet() + ", " + sources.getFirst() + " " + models);
            }
            if (selections.subList(0, i).contains(selections.get(i))) {
                throw new IllegalArgumentException(sources.get(i) + " evaluates " + selections.get(i)
                        + " again; each fold may be counted once");
            }
        }
        Map<String, Map<String, MeanAndSpread>> summary = new LinkedHashMap<>();
        for (String model : models) {
            Map<String, MeanAndSpread> metrics = new LinkedHashMap<>();
            METRICS.forEach((name, metric) -> metrics.put(name, MeanAndSpread.of(evaluations.stream()
                    .mapToDouble(evaluation -> metric.applyAsDouble(EvaluationReport.models(evaluation.original()).get(model)))
                    .toArray())));
            summary.put(model, metrics);
        }
        return new CvSummary(SCHEMA_VERSION, List.copyOf(sources), selections, summary);
    }

    /** The summary as a Markdown table, one row per model. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Cross-validation summary\n\n");
        md.append(String.format(Locale.ROOT, "%d evaluations (%s); each cell is mean ± standard deviation.%n%n",
                evaluations.size(), String.join(", ", selections)));
        md.append("| model |");
        METRICS.keySet().forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n| --- |").append(" ---: |".repeat(METRICS.size())).append('\n');
        models.forEach((model, metrics) -> {
            md.append("| ").append(model).append(" |");
            metrics.values().forEach(spread -> md.append(String.format(Locale.ROOT, " %.3f ± %.3f |", spread.mean(),
                    spread.std())));
            md.append('\n');
        });
        return md.toString();
    }

    private static Map<String, ToDoubleFunction<ModelScores>> metrics() {
        Map<String, ToDoubleFunction<ModelScores>> metrics = new LinkedHashMap<>();
        metrics.put("snippetAccuracy", scores -> scores.snippet().accuracy());
        metrics.put("snippetBalancedAccuracy", scores -> scores.snippet().balancedAccuracy());
        metrics.put("snippetMacroF1", scores -> scores.snippet().macroF1());
        metrics.put("trackAccuracy", scores -> scores.track().accuracy());
        metrics.put("trackBalancedAccuracy", scores -> scores.track().balancedAccuracy());
        metrics.put("trackMacroF1", scores -> scores.track().macroF1());
        return Collections.unmodifiableMap(metrics);
    }
}
