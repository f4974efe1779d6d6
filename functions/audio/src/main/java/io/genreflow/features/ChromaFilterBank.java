package io.genreflow.features;

import io.genreflow.manifest.FeatureParams;

/**
 * Dan Ellis' chroma filter bank as {@code librosa.filters.chroma} builds it (tuning 0, centre
 * octave 5, octave width 2, L2-normalised columns, row 0 = C): every FFT bin spreads its energy
 * over the pitch classes with a Gaussian in circular semitone distance, and bins far from the
 * centre octave are down-weighted. Immutable and thread-safe.
 *
 * <p>The bank is dense in principle; weights below {@value #DROP_BELOW} of their column's largest
 * weight are dropped, which removes about half of them. Each pitch class of a frame then loses at
 * most {@code DROP_BELOW * sum_k colmax_k * power_k}, and the frame's largest pitch class is at
 * least {@code 1/nChroma} of that sum, so after normalising by the largest class the error is
 * below {@code 2 * nChroma * DROP_BELOW} (2.4e-6 for 12 classes) for any input.
 */
public final class ChromaFilterBank {

    /** Relative weight below which a column entry is treated as zero (see the class comment). */
    static final double DROP_BELOW = 1e-7;
    /** Octave (counted from A0 = 27.5 Hz) where the octave weighting peaks, librosa's ctroct. */
    private static final double CENTRE_OCTAVE = 5.0;
    /** Standard deviation of the octave weighting in octaves, librosa's octwidth. */
    private static final double OCTAVE_WIDTH = 2.0;
    private static final double A0_HZ = 440.0 / 16.0;

    private final SparseRowMatrix weights;

    private ChromaFilterBank(SparseRowMatrix weights) {
        this.weights = weights;
    }

    /** The bank a model with these parameters was trained on. */
    public static ChromaFilterBank of(FeatureParams params) {
        return ellis(params.sampleRate(), params.nFft(), params.nChroma());
    }

    /** The bank for one-sided spectra of {@code nFft} at {@code sampleRate}, {@code nChroma} pitch classes. */
    public static ChromaFilterBank ellis(int sampleRate, int nFft, int nChroma) {
        return new ChromaFilterBank(SparseRowMatrix.keepingLargerThan(denseWeights(sampleRate, nFft, nChroma), DROP_BELOW));
    }

    /** The full bank, row = pitch class (0 = C), column = one-sided FFT bin; ported from librosa 0.11. */
    static double[][] denseWeights(int sampleRate, int nFft, int nChroma) {
        // Pitch of every bin of the full (two-sided) FFT in chroma steps above A0; bin 0 has no
        // pitch, so it is placed 1.5 octaves below bin 1, half a turn away in chroma and broad.
        double[] pitch = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double hz = (double) k * sampleRate / nFft;
            pitch[k] = nChroma * (Math.log(hz / A0_HZ) / Math.log(2.0));
        }
        pitch[0] = pitch[1] - 1.5 * nChroma;
        int bins = nFft / 2 + 1;
        double halfTurn = Math.rint(nChroma / 2.0);
        double[][] dense = new double[nChroma][bins];
        for (int k = 0; k < bins; k++) {
            double width = k + 1 < nFft ? Math.max(pitch[k + 1] - pitch[k], 1.0) : 1.0;
            double columnNormSquared = 0;
            for (int c = 0; c < nChroma; c++) {
                double distance = floorMod(pitch[k] - c + halfTurn + 10.0 * nChroma, nChroma) - halfTurn;
                double z = 2.0 * distance / width;
                double w = Math.exp(-0.5 * z * z);
                dense[c][k] = w;
                columnNormSquared += w * w;
            }
            double octaves = pitch[k] / nChroma;
            double octaveWeight = Math.exp(-0.5 * Math.pow((octaves - CENTRE_OCTAVE) / OCTAVE_WIDTH, 2));
            double scale = octaveWeight / Math.sqrt(columnNormSquared);
            for (int c = 0; c < nChroma; c++) {
                dense[c][k] *= scale;
            }
        }
        return rotateToStartAtC(dense, nChroma);
    }

    /** Rows are computed from A; C is three semitones up (librosa's {@code base_c=True}). */
    private static double[][] rotateToStartAtC(double[][] fromA, int nChroma) {
        int shift = 3 * (nChroma / 12);
        double[][] fromC = new double[nChroma][];
        for (int c = 0; c < nChroma; c++) {
            fromC[c] = fromA[(c + shift) % nChroma];
        }
        return fromC;
    }

    /** numpy's remainder: the result has the sign of the divisor. */
    private static double floorMod(double x, double m) {
        double r = x % m;
        return r < 0 ? r + m : r;
    }

    public int pitchClasses() {
        return weights.rows();
    }

    /** Number of STFT bins a spectrum passed to {@link #apply} must have. */
    public int bins() {
        return weights.columns();
    }

    /** Number of weights kept, i.e. the multiply-adds per projected frame. */
    public int nonZeros() {
        return weights.nonZeros();
    }

    /** {@code chroma[c] = sum_k weight[c][k] * spectrum[k]} (unnormalised). */
    public void apply(float[] spectrum, float[] chroma) {
        weights.multiply(spectrum, chroma);
    }

    /**
     * The projection of a whole spectrogram stored bin-major ({@code [bin][frame]}) into
     * {@code out[pitchClass][frame]}; much faster than frame by frame.
     */
    void applyToFrames(float[][] byBin, float[][] out) {
        weights.multiplyFrames(byBin, out);
    }
}
