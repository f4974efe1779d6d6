package io.genreflow.training.ensemble;

import io.genreflow.maths.Softmax;
import io.genreflow.maths.Vectors;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * Multinomial logistic regression, p(c | x) = softmax(W·x + b), fitted by weighted, L2-regularised
 * maximum likelihood: the model of the stacking meta-classifier and of the classical baseline.
 *
 * <p>The fit minimises Σ_i w_i·CE_i / Σ_i w_i + (λ/2)·‖W‖², where CE_i is the cross-entropy of
 * sample i and the intercepts b are not penalised. λ &gt; 0 makes the minimum unique, so the fit is
 * well defined even on separable data, where unregularised weights would grow forever. The solver
 * is L-BFGS (Nocedal &amp; Wright, Numerical Optimization, algorithm 7.5) from zero, with ten
 * curvature pairs and a backtracking line search for sufficient decrease; it stops once no
 * gradient component exceeds {@value #GRADIENT_TOLERANCE}. Standardised summary statistics of
 * wide spectra make the problem ill-conditioned (curvature ratios near 10⁵), where plain or
 * accelerated gradient descent needs tens of thousands of iterations and L-BFGS a few hundred. The
 * first direction is the gradient scaled by 1/L, where L = ½·Σ_i w_i‖(x_i, 1)‖² / Σ_i w_i + λ
 * bounds the curvature: softmax cross-entropy's Hessian in the logits has eigenvalues at most ½,
 * and the largest eigenvalue of the weighted second-moment matrix of the (x, 1) is at most its
 * trace. Everything is plain arithmetic in a fixed order, so the same data always gives
 * bit-identical weights.
 */
public final class LogisticRegression {

    /** Stop once no gradient component exceeds this. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** Upper bound on iterations, so a fit always terminates. */
    static final int MAX_ITERATIONS = 20_000;
    /** Curvature pairs L-BFGS remembers. */
    private static final int MEMORY = 10;
    /** Sufficient decrease a step must achieve, as a fraction of the decrease the slope promises. */
    private static final double ARMIJO = 1e-4;
    /** Halvings of the step the line search tries before it gives up. */
    private static final int MAX_HALVINGS = 60;
    /** A pair whose sᵀy is below this share of yᵀy says nothing reliable about the curvature. */
    private static final double CURVATURE_FLOOR = 1e-10;

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

        /** L-BFGS from zero; see the class comment. */
        double[] minimise() {
            int size = biasOffset() + labels;
            double[] theta = new double[size];
            double[] gradient = new double[size];
            double loss = lossAndGradient(theta, gradient);
            double firstScale = 1.0 / lipschitzBound();
            Deque<CurvaturePair> pairs = new ArrayDeque<>();
            double[] candidate = new double[size];
            double[] candidateGradient = new double[size];
            for (int iteration = 0; iteration < MAX_ITERATIONS && maxAbs(gradient) >= GRADIENT_TOLERANCE; iteration++) {
                double[] direction = direction(gradient, pairs, firstScale);
                double slope = dot(gradient, 0, direction);
                if (!(slope < 0)) {
                    pairs.clear();
                    direction = direction(gradient, pairs, firstScale);
                    slope = dot(gradient, 0, direction);
                }
                double step = 1;
                double candidateLoss = Double.NaN;
                for (int halving = 0; halving <= MAX_HALVINGS; halving++, step /= 2) {
                    for (int k = 0; k < size; k++) {
                        candidate[k] = theta[k] + step * direction[k];
                    }
                    candidateLoss = lossAndGradient(candidate, candidateGradient);
                    if (candidateLoss <= loss + ARMIJO * step * slope) {
                        break;
                    }
                }
                if (!(candidateLoss <= loss)) {
                    if (pairs.isEmpty()) {
                        // Not even a tiny step down the gradient lowers the loss: rounding hides any
                        // decrease this close to the minimum.
                        return theta;
                    }
                    // The remembered curvature misled the direction; start afresh from the gradient.
                    pairs.clear();
                    continue;
                }
                double[] s = new double[size];
                double[] change = new double[size];
                for (int k = 0; k < size; k++) {
                    s[k] = candidate[k] - theta[k];
                    change[k] = candidateGradient[k] - gradient[k];
                }
                double curvature = dot(s, 0, change);
                if (curvature > CURVATURE_FLOOR * dot(change, 0, change)) {
                    pairs.addLast(new CurvaturePair(s, change, 1 / curvature));
                    if (pairs.size() > MEMORY) {
                        pairs.removeFirst();
                    }
                }
                System.arraycopy(candidate, 0, theta, 0, size);
                System.arraycopy(candidateGradient, 0, gradient, 0, size);
                loss = candidateLoss;
            }
            return theta;
        }

        /** One step's parameter change s, gradient change y, and ρ = 1/sᵀy. */
        private record CurvaturePair(double[] s, double[] y, double rho) {
        }

        /**
         * −H·g by the two-loop recursion over the stored pairs, oldest first; H₀ is sᵀy/yᵀy of the
         * newest pair, or {@code firstScale} before there is one.
         */
        private static double[] direction(double[] gradient, Deque<CurvaturePair> pairs, double firstScale) {
            double[] q = gradient.clone();
            double[] alphas = new double[pairs.size()];
            int index = pairs.size();
            for (Iterator<CurvaturePair> newestFirst = pairs.descendingIterator(); newestFirst.hasNext(); ) {
                CurvaturePair pair = newestFirst.next();
                double alpha = pair.rho() * dot(pair.s(), 0, q);
                alphas[--index] = alpha;
                axpy(-alpha, pair.y(), q);
            }
            double scale = firstScale;
            if (!pairs.isEmpty()) {
                CurvaturePair newest = pairs.getLast();
                scale = 1 / (newest.rho() * dot(newest.y(), 0, newest.y()));
            }
            for (int k = 0; k < q.length; k++) {
                q[k] *= scale;
            }
            index = 0;
            for (CurvaturePair pair : pairs) {
                double beta = pair.rho() * dot(pair.y(), 0, q);
                axpy(alphas[index++] - beta, pair.s(), q);
            }
            for (int k = 0; k < q.length; k++) {
                q[k] = -q[k];
            }
            return q;
        }

        double totalWeight() {
            return Vectors.sum(sampleWeights);
        }

        /**
         * Bounds the loss curvature (see the class comment): 1/L is a step the line search always
         * accepts, which makes it the natural scale of the first direction.
         */
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

        /** The objective at {@code theta}; its gradient is written into {@code gradient}. */
        double lossAndGradient(double[] theta, double[] gradient) {
            int width = width();
            int biasOffset = biasOffset();
            Arrays.fill(gradient, 0);
            double loss = 0;
            double[] p = new double[labels];
            for (int i = 0; i < x.length; i++) {
                double weight = sampleWeights[i];
                if (weight == 0) {
                    continue;
                }
                double[] row = x[i];
                double largest = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < labels; c++) {
                    p[c] = theta[biasOffset + c] + dot(theta, c * width, row);
                    largest = Math.max(largest, p[c]);
                }
                double normaliser = 0;
                for (int c = 0; c < labels; c++) {
                    normaliser += Math.exp(p[c] - largest);
                }
                double logNormaliser = largest + Math.log(normaliser);
                loss += weight * (logNormaliser - p[y[i]]);
                for (int c = 0; c < labels; c++) {
                    p[c] = Math.exp(p[c] - logNormaliser);
                }
                p[y[i]] -= 1;
                for (int c = 0; c < labels; c++) {
                    double residual = weight * p[c];
                    int offset = c * width;
                    for (int j = 0; j < width; j++) {
                        gradient[offset + j] += residual * row[j];
                    }
                    gradient[biasOffset + c] += residual;
                }
            }
            double totalWeight = totalWeight();
            double penalty = 0;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] /= totalWeight;
                if (k < biasOffset) {
                    gradient[k] += l2 * theta[k];
                    penalty += theta[k] * theta[k];
                }
            }
            return loss / totalWeight + 0.5 * l2 * penalty;
        }

        private static void axpy(double a, double[] x, double[] y) {
            for (int k = 0; k < y.length; k++) {
                y[k] += a * x[k];
            }
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

        /**
         * Σ_j a[offset + j]·b[j] over b's length, in four interleaved partial sums: one running sum would wait on
         * each addition's latency, and the JIT may not reorder floating-point additions itself.
         */
        private static double dot(double[] a, int offset, double[] b) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < b.length; j += 4) {
                s0 += a[offset + j] * b[j];
                s1 += a[offset + j + 1] * b[j + 1];
                s2 += a[offset + j + 2] * b[j + 2];
                s3 += a[offset + j + 3] * b[j + 3];
            }
            for (; j < b.length; j++) {
                s0 += a[offset + j] * b[j];
            }
            return (s0 + s1) + (s2 + s3);
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
