package io.genreflow.training.baseline;

/**
 * How well hard predictions match the truth, defined as the Python trainer's metrics are, so
 * baseline and network figures compare directly: balanced accuracy is the mean recall over the
 * labels that occur in the truth; macro-F1 averages F1 over the labels that occur in the truth or
 * the predictions (a label predicted but absent still costs); undefined ratios count as 0.
 *
 * @param count            predictions scored
 * @param accuracy         share of predictions that are right
 * @param balancedAccuracy mean per-label recall
 * @param macroF1          mean per-label F1
 * @param confusion        counts, {@code confusion[true][predicted]}
 */
record ClassificationMetrics(int count, double accuracy, double balancedAccuracy, double macroF1, int[][] confusion) {

    /** Scores {@code predicted} against {@code truth} over {@code labelCount} labels. */
    static ClassificationMetrics of(int[] truth, int[] predicted, int labelCount) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[][] confusion = new int[labelCount][labelCount];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return fromConfusion(confusion);
    }

    /** The metrics of a confusion matrix {@code confusion[true][predicted]}. */
    static ClassificationMetrics fromConfusion(int[][] confusion) {
        int labels = confusion.length;
        int count = 0;
        int hits = 0;
        double recallSum = 0;
        int occurring = 0;
        double f1Sum = 0;
        int scored = 0;
        for (int c = 0; c < labels; c++) {
            int support = 0;
            int calls = 0;
            for (int k = 0; k < labels; k++) {
                support += confusion[c][k];
                calls += confusion[k][c];
            }
            count += support;
            hits += confusion[c][c];
            double recall = ratio(confusion[c][c], support);
            double precision = ratio(confusion[c][c], calls);
            if (support > 0) {
                recallSum += recall;
                occurring++;
            }
            if (support > 0 || calls > 0) {
                f1Sum += ratio(2 * precision * recall, precision + recall);
                scored++;
            }
        }
        int[][] copy = new int[labels][];
        for (int c = 0; c < labels; c++) {
            copy[c] = confusion[c].clone();
        }
        return new ClassificationMetrics(count, ratio(hits, count), ratio(recallSum, occurring), ratio(f1Sum, scored), copy);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0;
    }
}
