package io.genreflow.features;

import io.genreflow.manifest.FeatureParams;

/**
 * Slaney-normalised triangular mel filters over the one-sided STFT bins, the bank of
 * {@code librosa.filters.mel(htk=False, norm='slaney')}. Each band is stored as its non-zero run
 * of bins, so projecting a spectrum costs about two multiply-adds per bin regardless of the
 * number of bands. Immutable and thread-safe.
 */
public final class MelFilterBank {

    private final SparseRowMatrix weights;

    private MelFilterBank(SparseRowMatrix weights) {
        this.weights = weights;
    }

    /** The bank a model with these parameters was trained on. */
    public static MelFilterBank of(FeatureParams params) {
        return slaney(params.sampleRate(), params.nFft(), params.nMels(), params.fMin(), params.fMax());
    }

    /**
     * Band i rises linearly from corner i to corner i + 1 and falls to corner i + 2 (corners from
     * {@link MelScale#frequencies}), evaluated at bin frequencies {@code k * sampleRate / nFft}, then
     * scaled by {@code 2 / (corner[i + 2] - corner[i])} so every band has the same area.
     *
     * @throws IllegalArgumentException when a band is so narrow that it covers no FFT bin, which
     *                                  would give a constant, useless feature (too many bands for this nFft)
     */
    public static MelFilterBank slaney(int sampleRate, int nFft, int nMels, double fMin, double fMax) {
        int bins = nFft / 2 + 1;
        double[] corners = MelScale.frequencies(nMels + 2, fMin, fMax);
        double[][] dense = new double[nMels][bins];
        for (int band = 0; band < nMels; band++) {
            double left = corners[band];
            double centre = corners[band + 1];
            double right = corners[band + 2];
            double areaNorm = 2.0 / (right - left);
            for (int k = 0; k < bins; k++) {
                double hz = (double) k * sampleRate / nFft;
                double rising = (hz - left) / (centre - left);
                double falling = (right - hz) / (right - centre);
                dense[band][k] = Math.max(0.0, Math.min(rising, falling)) * areaNorm;
            }
        }
        SparseRowMatrix sparse = SparseRowMatrix.keepingLargerThan(dense, 0.0);
        for (int band = 0; band < nMels; band++) {
            if (sparse.isEmptyRow(band)) {
                throw new IllegalArgumentException(String.format(
                        "mel band %d (%.1f-%.1f Hz) contains no FFT bin: %d bands are too many for nFft %d at %d Hz;"
                                + " use fewer bands or a larger nFft",
                        band, corners[band], corners[band + 2], nMels, nFft, sampleRate));
            }
        }
        return new MelFilterBank(sparse);
    }

    public int bands() {
        return weights.rows();
    }

    /** Number of STFT bins a spectrum passed to {@link #apply} must have. */
    public int bins() {
        return weights.columns();
    }

    /** Number of non-zero weights, i.e. the multiply-adds per projected frame. */
    public int nonZeros() {
        return weights.nonZeros();
    }

    /** {@code mel[band] = sum_k weight[band][k] * spectrum[k]}. */
    public void apply(float[] spectrum, float[] mel) {
        weights.multiply(spectrum, mel);
    }

    /**
     * The projection of a whole spectrogram stored bin-major ({@code [bin][frame]}) into
     * {@code out[band][frame]}; much faster than frame by frame.
     */
    void applyToFrames(float[][] byBin, float[][] out) {
        weights.multiplyFrames(byBin, out);
    }
}
