package io.genreflow.training.baseline;

import io.genreflow.training.metrics.ClassificationMetrics;
import io.genreflow.training.metrics.MeanAndSpread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code genreflow baseline} found, written as {@code baseline.json} and, by {@link #markdown()},
 * as {@code baseline.md}.
 *
 * @param dataset     the prepared dataset evaluated
 * @param labels      the dataset's labels, which index the confusion matrices
 * @param tracks      the number of prepared tracks
 * @param method      the model in words
 * @param l2          the L2 penalty on the regression weights
 * @param featureSets one result per set of representations: all chosen ones together, then each alone
 */
record BaselineReport(String dataset, List<String> labels, int tracks, String method, double l2,
                      List<FeatureSetResult> featureSets) {

    /**
     * The evaluation of one set of representations.
     *
     * @param representations the representations whose summaries were concatenated
     * @param features        the width of a track's summary row
     * @param folds           one result per cross-validation fold; empty when folds were not evaluated
     * @param foldSummary     each metric's mean and spread over the folds; null without folds
     * @param holdout         trained on train + validation, tested on the test split; null when not evaluated
     */
    record FeatureSetResult(List<String> representations, int features, List<PartitionResult> folds,
                            FoldSummary foldSummary, PartitionResult holdout) {

        FeatureSetResult {
            representations = List.copyOf(representations);
            folds = List.copyOf(folds);
        }

        String name() {
            return String.join(" + ", representations);
        }
    }

    /** Each metric over the folds. */
    record FoldSummary(MeanAndSpread accuracy, MeanAndSpread balancedAccuracy, MeanAndSpread macroF1) {

        /** The summary of the folds' results, of which there are at least two. */
        static FoldSummary of(List<PartitionResult> folds) {
            return new FoldSummary(
                    MeanAndSpread.of(folds.stream().mapToDouble(fold -> fold.metrics().accuracy()).toArray()),
                    MeanAndSpread.of(folds.stream().mapToDouble(fold -> fold.metrics().balancedAccuracy()).toArray()),
                    MeanAndSpread.of(folds.stream().mapToDouble(fold -> fold.metrics().macroF1()).toArray()));
        }
    }

    /**
     * One partition's outcome.
     *
     * @param partition   {@code fold-k} or {@code test}
     * @param trainTracks tracks the model was fitted on
     * @param testTracks  tracks it was tested on
     * @param metrics     track-level metrics on the test tracks, confusion matrix included
     */
    record PartitionResult(String partition, int trainTracks, int testTracks, ClassificationMetrics metrics) {
    }

    BaselineReport {
        labels = List.copyOf(labels);
        featureSets = List.copyOf(featureSets);
    }

    /** The report as a Markdown document: a summary table, then every fold. */
    String markdown() {
        StringBuilder text = new StringBuilder("# Classical baseline\n\n");
        text.append(String.format(Locale.ROOT, "Dataset `%s`: %d tracks, %d labels. %s, L2 penalty %s.%n%n",
                dataset, tracks, labels.size(), method, l2));
        text.append("Track-level metrics; folds as mean ± standard deviation over the folds.\n\n");
        text.append("| features | width | folds: balanced accuracy | folds: accuracy | folds: macro-F1"
                + " | test: balanced accuracy | test: accuracy | test: macro-F1 |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FeatureSetResult set : featureSets) {
            List<String> cells = new ArrayList<>(List.of(set.name(), Integer.toString(set.features())));
            if (set.foldSummary() == null) {
                cells.addAll(List.of("–", "–", "–"));
            } else {
                cells.add(spread(set.foldSummary().balancedAccuracy()));
                cells.add(spread(set.foldSummary().accuracy()));
                cells.add(spread(set.foldSummary().macroF1()));
            }
            if (set.holdout() == null) {
                cells.addAll(List.of("–", "–", "–"));
            } else {
                ClassificationMetrics test = set.holdout().metrics();
                cells.addAll(List.of(number(test.balancedAccuracy()), number(test.accuracy()), number(test.macroF1())));
            }
            text.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        for (FeatureSetResult set : featureSets) {
            if (set.folds().isEmpty()) {
                continue;
            }
            text.append("\n## ").append(set.name()).append(" by fold\n\n");
            text.append("| fold | train tracks | test tracks | balanced accuracy | accuracy | macro-F1 |\n");
            text.append("|---|---:|---:|---:|---:|---:|\n");
            for (PartitionResult fold : set.folds()) {
                text.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", fold.partition(),
                        fold.trainTracks(), fold.testTracks(), number(fold.metrics().balancedAccuracy()),
                        number(fold.metrics().accuracy()), number(fold.metrics().macroF1())));
            }
        }
        return text.toString();
    }

    private static String spread(MeanAndSpread metric) {
        return number(metric.mean()) + " ± " + number(metric.std());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
