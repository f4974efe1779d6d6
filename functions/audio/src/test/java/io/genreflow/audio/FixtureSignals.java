package io.genreflow.audio;

/**
 * The source signals of the committed FLAC, MP3 and Ogg fixtures, as defined in
 * {@code functions/fixtures/src/fixtures-src/audio_fixture_signals.py}; a change there must be made here too.
 */
final class FixtureSignals {

    private FixtureSignals() {
    }

    /** Integer noise in [-amplitude, amplitude] from a 31-bit LCG seeded with 1. */
    static long[] lcgNoise(int count, int amplitude) {
        long state = 1;
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            state = (state * 1103515245L + 12345) % (1L << 31);
            out[i] = (state >> 8) % (2L * amplitude + 1) - amplitude;
        }
        return out;
    }

    /** Left channel of the 16-bit stereo FLAC: a sawtooth. */
    static long[] flac16Left() {
        long[] out = new long[22050];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i * 97L) % 40000 - 20000;
        }
        return out;
    }

    /** Right channel of the 16-bit stereo FLAC: noise. */
    static long[] flac16Right() {
        return lcgNoise(22050, 2000);
    }

    /** The 24-bit mono FLAC: a steep sawtooth. */
    static long[] flac24() {
        long[] out = new long[4800];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i * 104729L) % 16000001 - 8000000;
        }
        return out;
    }

    /** Sample where the burst starts: 0.45 s. */
    static int burstOnset(int rate) {
        return (int) (0.45 * rate);
    }

    /**
     * 1.5 s: silence, a 1 kHz tone burst of amplitude 0.5 from 0.45 s for 0.25 s, a 0.5 s chirp from
     * 300 to 3000 Hz of amplitude 0.4, silence.
     */
    static double[] burst(int rate) {
        int n = (int) (1.5 * rate);
        int onset = burstOnset(rate);
        int tone = (int) (0.25 * rate);
        int chirp = (int) (0.5 * rate);
        double[] out = new double[n];
        for (int i = 0; i < tone; i++) {
            out[onset + i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / rate);
        }
        int start = onset + tone;
        for (int i = 0; i < chirp; i++) {
            double t = (double) i / rate;
            double phase = 2 * Math.PI * (300 * t + 0.5 * (3000 - 300) / ((double) chirp / rate) * t * t);
            out[start + i] = 0.4 * Math.sin(phase);
        }
        return out;
    }

    /**
     * The mono mix of the stereo burst fixture: left is the burst, right 0.6 times it, so the mean
     * is 0.8 times the burst.
     */
    static double[] stereoBurstMix(int rate) {
        double[] x = burst(rate);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 0.8;
        }
        return x;
    }
}
