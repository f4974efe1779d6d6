package io.genreflow.features;

/**
 * Slaney's mel scale (librosa's {@code htk=False}, from the Auditory Toolbox): linear below 1 kHz
 * at 200/3 Hz per mel, logarithmic above with 27 mels per factor 6.4.
 */
public final class MelScale {

    private static final double HZ_PER_MEL = 200.0 / 3.0;
    private static final double BREAK_HZ = 1000.0;
    private static final double BREAK_MEL = BREAK_HZ / HZ_PER_MEL;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelScale() {
    }

    public static double hzToMel(double hz) {
        return hz >= BREAK_HZ ? BREAK_MEL + Math.log(hz / BREAK_HZ) / LOG_STEP : hz / HZ_PER_MEL;
    }

    public static double melToHz(double mel) {
        return mel >= BREAK_MEL ? BREAK_HZ * Math.exp(LOG_STEP * (mel - BREAK_MEL)) : mel * HZ_PER_MEL;
    }

    /**
     * {@code count} frequencies equally spaced in mel from {@code fMin} to {@code fMax} inclusive
     * (librosa's {@code mel_frequencies}); a bank of n bands uses n + 2 of them as triangle corners.
     */
    public static double[] frequencies(int count, double fMin, double fMax) {
        if (count < 2) {
            throw new IllegalArgumentException("need at least 2 mel frequencies, got " + count);
        }
        double low = hzToMel(fMin);
        double step = (hzToMel(fMax) - low) / (count - 1);
        double[] hz = new double[count];
        for (int i = 0; i < count - 1; i++) {
            hz[i] = melToHz(low + i * step);
        }
        hz[count - 1] = melToHz(hzToMel(fMax));
        return hz;
    }
}
