package io.genreflow.training.metrics;

/**
 * How well hard predictions match the truth, defined as the Python trainer's metrics.json does so
 * the two can be compared: balanced accuracy is the mean recall over the labels that occur in the
 * truth; macro-F1 the mean F1 over the labels that occur in the truth or the predictions (a label
 * predicted but absent still costs); a ratio with nothing to divide by counts as 0.
 *
 * @param count            predictions scored
 * @param accuracy         share of correct predictions
 * @param balancedAccuracy mean per-label recall
 * @param macroF1          mean per-label F1
 * @param precision        per label: correct calls of it over all calls of it
 * @param recall           per label: correct calls of it over its true count
 * @param f1               per label: harmonic mean of precision and recall
 * @param support          per label: how often it is the truth
 * @param confusion        counts, {@code confusion[true][predicted]}
 */
public record ClassificationMetrics(
        int count,
        double accuracy,
        double balancedAccuracy,
        double macroF1,
        double[] precision,
        double[] recall,
        double[] f1,
        int[] support,
        int[][] confusion) {

    /**
     * Scores {@code predicted} against {@code truth}.
     *
     * @param truth      the true label index of each item
     * @param predicted  the predicted label index of each item
     * @param labelCount the number of labels
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted, int labelCount) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[][] confusion = new int[labelCount][labelCount];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return fromConfusion(confusion);
    }

    /** The metrics of a confusion matrix {@code [true][predicted]}. */
    public static ClassificationMetrics fromConfusion(int[][] confusion) {
        int labels = confusion.length;
        int[] support = new int[labels];
        int[] calls = new int[labels];
        int hits = 0;
        int count = 0;
        for (int t = 0; t < labels; t++) {
            for (int p = 0; p < labels; p++) {
                support[t] += confusion[t][p];
                calls[p] += confusion[t][p];
                count += confusion[t][p];
            }
            hits += confusion[t][t];
        }
        double[] precision = new double[labels];
        double[] recall = new double[labels];
        double[] f1 = new double[labels];
        double recallSum = 0;
        double f1Sum = 0;
        int occurring = 0;
        int scored = 0;
        for (int c = 0; c < labels; c++) {
            precision[c] = ratio(confusion[c][c], calls[c]);
            recall[c] = ratio(confusion[c][c], support[c]);
            f1[c] = ratio(2 * precision[c] * recall[c], precision[c] + recall[c]);
            if (support[c] > 0) {
                recallSum += recall[c];
                occurring++;
            }
            if (support[c] > 0 || calls[c] > 0) {
                f1Sum += f1[c];
                scored++;
            }
        }
        int[][] copy = new int[labels][];
        for (int t = 0; t < labels; t++) {
            copy[t] = confusion[t].clone();
        }
        return new ClassificationMetrics(count, ratio(hits, count), ratio(recallSum, occurring), ratio(f1Sum, scored),
                precision, recall, f1, support, copy);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0;
    }
}
