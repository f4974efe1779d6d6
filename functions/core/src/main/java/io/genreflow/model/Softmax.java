package io.genreflow.model;

/** The softmax that turns a model's logits into a probability distribution. */
final class Softmax {

    private Softmax() {
    }

    /**
     * Replaces {@code scores} by {@code exp(s_i) / sum_j exp(s_j)}. Subtracting the maximum first
     * keeps every exponent at most 0, so large logits cannot overflow; sums run in double.
     */
    static void inPlace(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] exp = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            exp[i] = Math.exp(scores[i] - max);
            sum += exp[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (exp[i] / sum);
        }
    }
}
