package io.genreflow.energy;

/** Per-frame measurements, following librosa's definitions where librosa has one. */
final class FrameMeasures {

    private FrameMeasures() {
    }

    /**
     * Mean of the squared samples over the whole frame, zero padding included, as
     * {@code librosa.feature.rms} squares before its square root.
     */
    static double meanSquare(float[] frame) {
        double sum = 0;
        for (float x : frame) {
            sum += (double) x * x;
        }
        return sum / frame.length;
    }

    /**
     * Magnitude-weighted mean frequency, {@code sum_k f_k |X_k| / sum_k |X_k|} with
     * {@code f_k = k * binHz} ({@code librosa.feature.spectral_centroid}); 0 for a silent frame.
     */
    static double centroidHz(float[] magnitude, double binHz) {
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < magnitude.length; k++) {
            weighted += (double) k * magnitude[k];
            total += magnitude[k];
        }
        return total > 0 ? binHz * weighted / total : 0;
    }

    /**
     * {@code sum_i max(0, max(current_i, floor) - max(previous_i, floor))}: how much rose from one
     * frame to the next, with both frames clipped at the same floor. Divided by the band count this
     * is one value of librosa's onset strength envelope (lag 1, no max filter, mean aggregation);
     * on unit-sum magnitude spectra (floor 0) it is the total-variation distance used as flux.
     */
    static double risingSum(float[] previous, float[] current, float floor) {
        double sum = 0;
        for (int i = 0; i < current.length; i++) {
            float rise = Math.max(current[i], floor) - Math.max(previous[i], floor);
            if (rise > 0) {
                sum += rise;
            }
        }
        return sum;
    }
}
