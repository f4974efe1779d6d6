package io.genreflow.training.baseline;

import java.util.List;

/**
 * How well hard predictions match the truth, defined as the Python trainer's metrics are, so
 * baseline and network figures compare directly: balanced accuracy is the mean recall over the
 * labels that occur in the truth; macro-F1 averages F1 over the labels that occur in the truth or
 * the predictions (a label predicted but absent still costs); undefined ratios count as 0.
 *
 * @param accuracy         share of tracks predicted right
 * @param balancedAccuracy mean per-label recall
 * @param macroF1          mean per-label F1
 */
record ClassificationMetrics(double accuracy, double balancedAccuracy, double macroF1) {

    /** {@code counts[true][predicted]} of the given predictions. */
    static int[][] confusion(int[] truth, int[] predicted, int labelCount) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[][] counts = new int[labelCount][labelCount];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    /** The metrics of a confusion matrix {@code counts[true][predicted]}. */
    static ClassificationMetrics of(int[][] counts) {
        int labels = counts.length;
        long total = 0;
        long hits = 0;
        double recallSum = 0;
        int occurring = 0;
        double f1Sum = 0;
        int scored = 0;
        for (int c = 0; c < labels; c++) {
            long support = 0;
            long predicted = 0;
            for (int k = 0; k < labels; k++) {
                support += counts[c][k];
                predicted += counts[k][c];
            }
            total += support;
            hits += counts[c][c];
            double recall = ratio(counts[c][c], support);
            double precision = ratio(counts[c][c], predicted);
            if (support > 0) {
                recallSum += recall;
                occurring++;
            }
            if (support > 0 || predicted > 0) {
                f1Sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
                scored++;
            }
        }
        return new ClassificationMetrics(ratio(hits, total), occurring > 0 ? recallSum / occurring : 0,
                scored > 0 ? f1Sum / scored : 0);
    }

    /** Mean of each metric over {@code metrics}. */
    static ClassificationMetrics mean(List<ClassificationMetrics> metrics) {
        return new ClassificationMetrics(
                mean(metrics.stream().mapToDouble(ClassificationMetrics::accuracy).toArray()),
                mean(metrics.stream().mapToDouble(ClassificationMetrics::balancedAccuracy).toArray()),
                mean(metrics.stream().mapToDouble(ClassificationMetrics::macroF1).toArray()));
    }

    /** Sample standard deviation (n - 1) of each metric over {@code metrics}; 0 for a single one. */
    static ClassificationMetrics standardDeviation(List<ClassificationMetrics> metrics) {
        return new ClassificationMetrics(
                standardDeviation(metrics.stream().mapToDouble(ClassificationMetrics::accuracy).toArray()),
                standardDeviation(metrics.stream().mapToDouble(ClassificationMetrics::balancedAccuracy).toArray()),
                standardDeviation(metrics.stream().mapToDouble(ClassificationMetrics::macroF1).toArray()));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator > 0 ? (double) numerator / denominator : 0;
    }
}
