package io.genreflow.audio;

/** Measures how closely a decoded signal follows its source, for lossy codecs. */
final class SignalMetrics {

    private SignalMetrics() {
    }

    /** Lag (in samples) by which {@code decoded} trails {@code reference}, searched in [-maxLag, maxLag]. */
    static int bestLag(double[] reference, float[] decoded, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double score = 0;
            for (int i = 0; i < reference.length; i++) {
                int j = i + lag;
                if (j >= 0 && j < decoded.length) {
                    score += reference[i] * decoded[j];
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    /** Signal-to-noise ratio in dB of {@code decoded} against {@code reference}, over the shorter length. */
    static double snrDb(double[] reference, float[] decoded) {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < Math.min(reference.length, decoded.length); i++) {
            signal += reference[i] * reference[i];
            double e = decoded[i] - reference[i];
            noise += e * e;
        }
        return 10 * Math.log10(signal / noise);
    }

    /** First index whose absolute value exceeds {@code threshold}, or -1. */
    static int firstAbove(float[] x, double threshold) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    static int firstAbove(double[] x, double threshold) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }
}
