package io.genreflow.training.baseline;

import io.genreflow.training.ensemble.LogisticRegression;
import java.util.Arrays;

/**
 * The baseline model: standardisation fitted on the training tracks, then a multinomial logistic
 * regression in which every label carries the same total weight (sample weight N / (K · n_c) over
 * the K labels present, as the networks' loss weighs classes), so a frequent genre is not favoured
 * just for being frequent.
 */
final class BaselineClassifier {

    private final Standardiser standardiser;
    private final LogisticRegression regression;

    private BaselineClassifier(Standardiser standardiser, LogisticRegression regression) {
        this.standardiser = standardiser;
        this.regression = regression;
    }

    /**
     * Fits on training tracks only: nothing of the tracks it will be tested on may enter, not even
     * through the standardisation statistics.
     *
     * @param features   one summary row per training track
     * @param labels     the label of each training track
     * @param labelCount the dataset's number of labels
     * @param l2         the L2 penalty on the regression weights
     */
    static BaselineClassifier fit(double[][] features, int[] labels, int labelCount, double l2) {
        Standardiser standardiser = Standardiser.fit(features);
        double[][] standardised = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            standardised[i] = standardiser.apply(features[i]);
        }
        return new BaselineClassifier(standardiser,
                LogisticRegression.fit(standardised, labels, labelCount, balancedWeights(labels, labelCount), l2));
    }

    /** N / (K · n_c) for a sample of label c, K counting the labels that occur. */
    static double[] balancedWeights(int[] labels, int labelCount) {
        int[] support = new int[labelCount];
        for (int label : labels) {
            support[label]++;
        }
        long present = Arrays.stream(support).filter(count -> count > 0).count();
        double[] weights = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            weights[i] = (double) labels.length / (present * support[labels[i]]);
        }
        return weights;
    }

    Standardiser standardiser() {
        return standardiser;
    }

    /** The predicted label of one track's summary row. */
    int predict(double[] features) {
        return regression.predict(standardiser.apply(features));
    }
}
