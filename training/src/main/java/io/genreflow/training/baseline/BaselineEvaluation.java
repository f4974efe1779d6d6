package io.genreflow.training.baseline;

import io.genreflow.contracts.Representation;
import io.genreflow.training.metrics.ClassificationMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits and tests the baseline on every partition asked for, for the chosen representations
 * together and for each one alone. Fits are independent, so they run on a pool of threads; each
 * is deterministic, so the report does not depend on the thread count.
 */
final class BaselineEvaluation {

    /** The model as the report describes it. */
    static final String METHOD = "Per track, mean and standard deviation of every feature column over all frames of its"
            + " original-audio snippets; standardised with the training tracks' statistics; multinomial logistic"
            + " regression with class-balanced sample weights";

    private BaselineEvaluation() {
    }

    /**
     * What to evaluate.
     *
     * @param representations the representations whose summaries are concatenated, in order
     * @param folds           whether to cross-validate over the dataset's folds
     * @param holdout         whether to train on train + validation and test on the test split
     * @param l2              the L2 penalty on the regression weights
     * @param threads         fits run at once
     */
    record Plan(List<Representation> representations, boolean folds, boolean holdout, double l2, int threads) {

        Plan {
            representations = List.copyOf(representations);
            if (representations.isEmpty()) {
                throw new IllegalArgumentException("choose at least one representation");
            }
            if (!folds && !holdout) {
                throw new IllegalArgumentException("choose the folds, the hold-out test split, or both");
            }
            if (!(l2 > 0) || !Double.isFinite(l2)) {
                throw new IllegalArgumentException("the L2 penalty must be a positive number, got " + l2);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("at least one thread is needed, got " + threads);
            }
        }

        /** All chosen representations together and, when there are several, each alone. */
        List<List<Representation>> featureSets() {
            List<List<Representation>> sets = new ArrayList<>();
            sets.add(representations);
            if (representations.size() > 1) {
                representations.forEach(representation -> sets.add(List.of(representation)));
            }
            return sets;
        }
    }

    /** The report of {@code plan} on {@code tracks}; {@code dataset} names the dataset in it. */
    static BaselineReport run(TrackSummaries tracks, Plan plan, String dataset) throws InterruptedException {
        List<Partition> folds = plan.folds() ? Partition.folds(tracks) : List.of();
        Partition holdout = plan.holdout() ? Partition.holdout(tracks) : null;
        List<List<Representation>> sets = plan.featureSets();
        List<List<Future<BaselineReport.PartitionResult>>> foldResults = new ArrayList<>();
        List<Future<BaselineReport.PartitionResult>> holdoutResults = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(plan.threads());
        try {
            for (List<Representation> set : sets) {
                double[][] features = tracks.features(set);
                widths.add(features[0].length);
                List<Future<BaselineReport.PartitionResult>> perFold = new ArrayList<>();
                for (Partition fold : folds) {
                    perFold.add(workers.submit(() -> evaluate(tracks, features, fold, plan.l2())));
                }
                foldResults.add(perFold);
                holdoutResults.add(holdout == null ? null
                        : workers.submit(() -> evaluate(tracks, features, holdout, plan.l2())));
            }
            List<BaselineReport.FeatureSetResult> results = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                List<BaselineReport.PartitionResult> perFold = new ArrayList<>();
                for (Future<BaselineReport.PartitionResult> fold : foldResults.get(s)) {
                    perFold.add(fold.get());
                }
                results.add(new BaselineReport.FeatureSetResult(sets.get(s).stream().map(Representation::id).toList(),
                        widths.get(s), perFold, perFold.isEmpty() ? null : BaselineReport.FoldSummary.of(perFold),
                        holdoutResults.get(s) == null ? null : holdoutResults.get(s).get()));
            }
            return new BaselineReport(dataset, tracks.labelNames(), tracks.tracks().size(), METHOD, plan.l2(), results);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a baseline fit failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Fits on the partition's training tracks and scores its test tracks. */
    static BaselineReport.PartitionResult evaluate(TrackSummaries tracks, double[][] features, Partition partition,
                                                   double l2) {
        int[] labels = tracks.labels();
        BaselineClassifier classifier = fitOn(features, labels, tracks.labelNames().size(), partition, l2);
        int[] truth = new int[partition.test().length];
        int[] predicted = new int[truth.length];
        for (int k = 0; k < truth.length; k++) {
            truth[k] = labels[partition.test()[k]];
            predicted[k] = classifier.predict(features[partition.test()[k]]);
        }
        return new BaselineReport.PartitionResult(partition.name(), partition.train().length, truth.length,
                ClassificationMetrics.of(truth, predicted, tracks.labelNames().size()));
    }

    /** The classifier fitted on the partition's training rows alone. */
    static BaselineClassifier fitOn(double[][] features, int[] labels, int labelCount, Partition partition, double l2) {
        double[][] trainFeatures = new double[partition.train().length][];
        int[] trainLabels = new int[partition.train().length];
        for (int k = 0; k < trainFeatures.length; k++) {
            trainFeatures[k] = features[partition.train()[k]];
            trainLabels[k] = labels[partition.train()[k]];
        }
        return BaselineClassifier.fit(trainFeatures, trainLabels, labelCount, l2);
    }
}
