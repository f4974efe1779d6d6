package io.genreflow.verdict;

import java.util.Arrays;

/**
 * Multinomial logistic regression, p(c | x) = softmax(W·x + b), fitted by weighted, L2-regularised
 * maximum likelihood: the model of the stacking meta-classifier and of the classical baseline.
 *
 * <p>The fit minimises Σ_i w_i·CE_i / Σ_i w_i + (λ/2)·‖W‖², where CE_i is the cross-entropy of
 * sample i and the intercepts b are not penalised. λ &gt; 0 makes the minimum unique, so the fit is
 * well defined even on separable data, where unregularised weights would grow forever. The solver
 * is Nesterov's accelerated gradient descent from zero with the fixed step 1/L, and O'Donoghue
 * &amp; Candès' gradient restart (2015) to damp momentum oscillation. L = ½·Σ_i w_i‖(x_i, 1)‖² / Σ_i w_i
 * + λ bounds the loss curvature: softmax cross-entropy's Hessian in the logits has eigenvalues at
 * most ½, and the largest eigenvalue of the weighted second-moment matrix of the (x, 1) is at most
 * its trace. Everything is plain arithmetic in a fixed order, so the same data always gives
 * bit-identical weights.
 */
public final class LogisticRegression {

    /** Stop once no gradient component exceeds this. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** Upper bound on iterations, so a fit always terminates. */
    static final int MAX_ITERATIONS = 20_000;

    private final double[][] weights;
    private final double[] bias;

    private LogisticRegression(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** {@link #fit(double[][], int[], int, double[], double)} with every sample weighing the same. */
    public static LogisticRegression fit(double[][] features, int[] labels, int labelCount, double l2) {
        double[] uniform = new double[labels == null ? 0 : labels.length];
        Arrays.fill(uniform, 1);
        return fit(features, labels, labelCount, uniform, l2);
    }

    /**
     * Fits the model.
     *
     * @param features      one row of equal width per sample
     * @param labels        the true label index of each sample
     * @param labelCount    the number of labels, at least 2
     * @param sampleWeights each sample's weight in the loss (e.g. inverse class frequency to balance
     *                      the classes); non-negative, finite, with a positive sum
     * @param l2            the L2 penalty λ on the weights; must be positive
     */
    public static LogisticRegression fit(double[][] features, int[] labels, int labelCount, double[] sampleWeights,
                                         double l2) {
        requireData(features, labels, labelCount, sampleWeights);
        if (!(l2 > 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be positive and finite, got " + l2);
        }
        Problem problem = new Problem(features, labels, labelCount, sampleWeights, l2);
        return problem.toModel(problem.minimise());
    }

    /** Number of labels scored. */
    public int labelCount() {
        return bias.length;
    }

    /** Width of the feature rows the model takes. */
    public int featureCount() {
        return weights[0].length;
    }

    /** A copy of the weight matrix W, one row per label. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    /** A copy of the intercepts b. */
    public double[] bias() {
        return bias.clone();
    }

    /** softmax(W·x + b). */
    public double[] probabilities(double[] x) {
        return Softmax.inPlace(logits(x));
    }

    /** The most probable label of {@code x}; ties go to the lowest index. */
    public int predict(double[] x) {
        return Vectors.argmax(logits(x));
    }

    private double[] logits(double[] x) {
        if (x == null || x.length != featureCount()) {
            throw new IllegalArgumentException("the model takes rows of " + featureCount() + " features, got "
                    + (x == null ? "none" : x.length));
        }
        double[] logits = bias.clone();
        for (int c = 0; c < logits.length; c++) {
            double[] row = weights[c];
            for (int j = 0; j < x.length; j++) {
                logits[c] += row[j] * x[j];
            }
        }
        return logits;
    }

    private static void requireData(double[][] features, int[] labels, int labelCount, double[] sampleWeights) {
        if (labelCount < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 labels, got " + labelCount);
        }
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("no samples to fit on");
        }
        if (labels == null || labels.length != features.length) {
            throw new IllegalArgumentException(features.length + " feature rows but "
                    + (labels == null ? "no" : labels.length) + " labels");
        }
        if (sampleWeights == null || sampleWeights.length != features.length) {
            throw new IllegalArgumentException(features.length + " feature rows but "
                    + (sampleWeights == null ? "no" : sampleWeights.length) + " sample weights");
        }
        int width = features[0] == null ? 0 : features[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("feature rows must hold at least one value");
        }
        double totalWeight = 0;
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null || features[i].length != width) {
                throw new IllegalArgumentException("feature row " + i + " has "
                        + (features[i] == null ? "no" : features[i].length) + " values, row 0 has " + width);
            }
            for (double value : features[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("feature row " + i + " holds the non-finite value " + value);
                }
            }
            if (labels[i] < 0 || labels[i] >= labelCount) {
                throw new IllegalArgumentException("sample " + i + " has label index " + labels[i] + ", outside 0.."
                        + (labelCount - 1));
            }
            if (!(sampleWeights[i] >= 0) || !Double.isFinite(sampleWeights[i])) {
                throw new IllegalArgumentException("sample " + i + " has weight " + sampleWeights[i]
                        + "; weights must be finite and non-negative");
            }
            totalWeight += sampleWeights[i];
        }
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("the sample weights sum to 0; at least one sample must count");
        }
    }

    /** The regularised weighted cross-entropy over a flat parameter vector: W row-major, then b. */
    private record Problem(double[][] x, int[] y, int labels, double[] sampleWeights, double l2) {

        int width() {
            return x[0].length;
        }

        int biasOffset() {
            return labels * width();
        }

        double[] minimise() {
            int size = biasOffset() + labels;
            double step = 1.0 / lipschitzBound();
            double[] theta = new double[size];
            double[] previous = new double[size];
            double[] lookahead = new double[size];
            int sinceRestart = 0;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double momentum = sinceRestart / (sinceRestart + 3.0);
                for (int k = 0; k < size; k++) {
                    lookahead[k] = theta[k] + momentum * (theta[k] - previous[k]);
                }
                double[] gradient = gradient(lookahead);
                if (maxAbs(gradient) < GRADIENT_TOLERANCE) {
                    return lookahead;
                }
                double uphill = 0;
                double[] next = new double[size];
                for (int k = 0; k < size; k++) {
                    next[k] = lookahead[k] - step * gradient[k];
                    uphill += gradient[k] * (next[k] - theta[k]);
                }
                sinceRestart = uphill > 0 ? 0 : sinceRestart + 1;
                previous = theta;
                theta = next;
            }
            return theta;
        }

        double totalWeight() {
            return Vectors.sum(sampleWeights);
        }

        double lipschitzBound() {
            double weightedNorms = 0;
            for (int i = 0; i < x.length; i++) {
                double norm = 1;
                for (double v : x[i]) {
                    norm += v * v;
                }
                weightedNorms += sampleWeights[i] * norm;
            }
            return 0.5 * weightedNorms / totalWeight() + l2;
        }

        double[] gradient(double[] theta) {
            int width = width();
            int biasOffset = biasOffset();
            double[] gradient = new double[theta.length];
            double[] p = new double[labels];
            for (int i = 0; i < x.length; i++) {
                double weight = sampleWeights[i];
                if (weight == 0) {
                    continue;
                }
                double[] row = x[i];
                for (int c = 0; c < labels; c++) {
                    double logit = theta[biasOffset + c];
                    for (int j = 0; j < width; j++) {
                        logit += theta[c * width + j] * row[j];
                    }
                    p[c] = logit;
                }
                Softmax.inPlace(p);
                p[y[i]] -= 1;
                for (int c = 0; c < labels; c++) {
                    double residual = weight * p[c];
                    for (int j = 0; j < width; j++) {
                        gradient[c * width + j] += residual * row[j];
                    }
                    gradient[biasOffset + c] += residual;
                }
            }
            double totalWeight = totalWeight();
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] /= totalWeight;
                if (k < biasOffset) {
                    gradient[k] += l2 * theta[k];
                }
            }
            return gradient;
        }

        LogisticRegression toModel(double[] theta) {
            int width = width();
            double[][] weights = new double[labels][width];
            double[] bias = new double[labels];
            for (int c = 0; c < labels; c++) {
                System.arraycopy(theta, c * width, weights[c], 0, width);
                bias[c] = theta[biasOffset() + c];
            }
            return new LogisticRegression(weights, bias);
        }

        private static double maxAbs(double[] values) {
            double max = 0;
            for (double v : values) {
                max = Math.max(max, Math.abs(v));
            }
            return max;
        }
    }
}
