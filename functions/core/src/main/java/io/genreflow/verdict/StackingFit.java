package io.genreflow.verdict;

import java.util.List;
import java.util.Map;

/**
 * Fits the stacking meta-classifier: multinomial logistic regression from the concatenated
 * per-representation validation track scores to the true label.
 *
 * <p>Minimises mean cross-entropy + (λ/2)·‖W‖² (the intercepts are not penalised). λ &gt; 0 makes
 * the minimum unique, so the fit is well defined even when validation data is separable, where
 * unregularised weights would grow forever. The solver is Nesterov's accelerated gradient descent
 * from zero with the fixed step 1/L, where L = ½·max‖(x, 1)‖² + λ bounds the loss curvature
 * (softmax cross-entropy's Hessian in the logits has eigenvalues at most ½), and with
 * O'Donoghue &amp; Candès' gradient restart (2015) to damp momentum oscillation. Everything is
 * plain arithmetic in a fixed order, so the same data always gives bit-identical weights.
 */
public final class StackingFit {

    /**
     * A moderate default for λ: inputs are probabilities in [0, 1] and validation sets are small
     * (tens to hundreds of tracks), where an unpenalised fit would mostly memorise them.
     */
    public static final double DEFAULT_L2 = 1e-2;

    /** Stop once no gradient component exceeds this. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** Upper bound on iterations, so a fit always terminates. */
    static final int MAX_ITERATIONS = 20_000;

    private StackingFit() {
    }

    /**
     * Fits the meta-classifier.
     *
     * @param validationScores representation id to one score row per validation track
     * @param inputs           which representations to stack, in the order they are concatenated
     * @param labels           the true label index of each validation track
     * @param labelCount       the number of labels
     * @param l2               the L2 penalty λ on the weights; must be positive
     */
    public static EnsembleSpec.StackingSpec fit(Map<String, double[][]> validationScores, List<String> inputs,
                                                int[] labels, int labelCount, double l2) {
        ValidationSet data = new ValidationSet(validationScores, labels, labelCount);
        if (!(l2 > 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("the L2 penalty must be positive and finite, got " + l2);
        }
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("stacking needs at least one input representation");
        }
        for (String input : inputs) {
            if (!data.scores.containsKey(input)) {
                throw new IllegalArgumentException("no validation scores for stacking input '" + input + "'");
            }
        }
        double[][] features = features(data, inputs);
        Problem problem = new Problem(features, data.labels, labelCount, l2);
        double[] theta = problem.minimise();
        return problem.toSpec(theta, inputs);
    }

    private static double[][] features(ValidationSet data, List<String> inputs) {
        int tracks = data.labels.length;
        int width = inputs.size() * data.labelCount;
        double[][] features = new double[tracks][width];
        for (int i = 0; i < tracks; i++) {
            int offset = 0;
            for (String input : inputs) {
                System.arraycopy(data.scores.get(input)[i], 0, features[i], offset, data.labelCount);
                offset += data.labelCount;
            }
        }
        return features;
    }

    /** The regularised cross-entropy over a flat parameter vector: W row-major, then b. */
    private record Problem(double[][] x, int[] y, int labels, double l2) {

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

        double lipschitzBound() {
            double maxNorm = 0;
            for (double[] row : x) {
                double norm = 1;
                for (double v : row) {
                    norm += v * v;
                }
                maxNorm = Math.max(maxNorm, norm);
            }
            return 0.5 * maxNorm + l2;
        }

        double[] gradient(double[] theta) {
            int width = width();
            int biasOffset = biasOffset();
            double[] gradient = new double[theta.length];
            double[] p = new double[labels];
            for (int i = 0; i < x.length; i++) {
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
                    for (int j = 0; j < width; j++) {
                        gradient[c * width + j] += p[c] * row[j];
                    }
                    gradient[biasOffset + c] += p[c];
                }
            }
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] /= x.length;
                if (k < biasOffset) {
                    gradient[k] += l2 * theta[k];
                }
            }
            return gradient;
        }

        EnsembleSpec.StackingSpec toSpec(double[] theta, List<String> inputs) {
            int width = width();
            double[][] weights = new double[labels][width];
            double[] bias = new double[labels];
            for (int c = 0; c < labels; c++) {
                System.arraycopy(theta, c * width, weights[c], 0, width);
                bias[c] = theta[biasOffset() + c];
            }
            return new EnsembleSpec.StackingSpec(inputs, weights, bias);
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
