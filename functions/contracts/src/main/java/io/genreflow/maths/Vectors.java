package io.genreflow.maths;

/** Small numeric helpers shared by the verdict maths; all operate on dense class-score vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Index of the largest value; ties go to the lowest index so results never depend on luck. */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Same rule as {@link #argmax(double[])} for the float rows models emit. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    public static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /** Divides by the sum in place; the caller guarantees a positive sum. */
    public static double[] normaliseInPlace(double[] values) {
        double total = sum(values);
        for (int i = 0; i < values.length; i++) {
            values[i] /= total;
        }
        return values;
    }

    /**
     * Rejects a score vector that cannot be a (possibly unnormalised) class distribution.
     *
     * @param what names the vector in the message, e.g. "track score of 'logmel'"
     */
    public static void requireScores(double[] scores, int numClasses, String what) {
        if (scores == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (scores.length != numClasses) {
            throw new IllegalArgumentException(
                    what + " has " + scores.length + " classes, expected " + numClasses);
        }
        double total = 0;
        for (int c = 0; c < scores.length; c++) {
            if (!Double.isFinite(scores[c]) || scores[c] < 0) {
                throw new IllegalArgumentException(
                        what + " has an invalid probability " + scores[c] + " for class " + c
                                + " (must be finite and non-negative)");
            }
            total += scores[c];
        }
        if (total <= 0) {
            throw new IllegalArgumentException(what + " is all zeros; it says nothing about any class");
        }
    }
}
