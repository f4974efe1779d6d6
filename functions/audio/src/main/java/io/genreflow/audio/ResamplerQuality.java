package io.genreflow.audio;

/**
 * The low-pass filters {@link Resampler} offers: the two pre-computed Kaiser-windowed sinc filters
 * of resampy 0.4.2, which librosa uses for {@code res_type='kaiser_best'} and {@code 'kaiser_fast'}.
 *
 * <p>The parameters are the ones resampy's filter tables were generated from (its
 * {@code filters.py} lists them; rebuilding the tables from these rounded values reproduces the
 * shipped {@code .npz} tables to 1e-15), so a port with the same maths matches librosa's output
 * sample for sample.
 */
public enum ResamplerQuality {

    /** resampy {@code kaiser_best}: 50 zero crossings, 2^13 table steps per crossing, about -120 dB stop band. */
    BEST(50, 13, 0.917347, 12.9846),

    /** resampy {@code kaiser_fast}: 24 zero crossings, 2^9 table steps per crossing, about -93 dB stop band, half the taps. */
    FAST(24, 9, 0.868212, 9.90322);

    private final int zeroCrossings;
    private final int precisionBits;
    private final double rolloff;
    private final double kaiserBeta;

    ResamplerQuality(int zeroCrossings, int precisionBits, double rolloff, double kaiserBeta) {
        this.zeroCrossings = zeroCrossings;
        this.precisionBits = precisionBits;
        this.rolloff = rolloff;
        this.kaiserBeta = kaiserBeta;
    }

    /** Zero crossings of the sinc kept on each side of the filter's centre. */
    public int zeroCrossings() {
        return zeroCrossings;
    }

    /** The filter table holds 2^precisionBits values per zero crossing. */
    public int precisionBits() {
        return precisionBits;
    }

    /** Cut-off as a fraction of the lower of the two Nyquist frequencies. */
    public double rolloff() {
        return rolloff;
    }

    /** Shape parameter of the Kaiser window that tapers the sinc. */
    public double kaiserBeta() {
        return kaiserBeta;
    }
}
