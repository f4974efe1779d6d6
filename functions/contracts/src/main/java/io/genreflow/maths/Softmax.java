package io.genreflow.maths;

/** The softmax that turns logits (a model's or the stacking meta-classifier's) into probabilities. */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Replaces {@code logits} by {@code exp(s_i) / sum_j exp(s_j)}. Subtracting the maximum first
     * keeps every exponent at most 0, so large logits cannot overflow.
     *
     * @return {@code logits}, now a probability distribution
     */
    public static double[] inPlace(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : logits) {
            max = Math.max(max, s);
        }
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            total += logits[i];
        }
        for (int i = 0; i < logits.length; i++) {
            logits[i] /= total;
        }
        return logits;
    }

    /** {@link #inPlace(double[])} for the float rows models emit; the sums run in double. */
    public static void inPlace(float[] logits) {
        double[] wide = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            wide[i] = logits[i];
        }
        inPlace(wide);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) wide[i];
        }
    }
}
