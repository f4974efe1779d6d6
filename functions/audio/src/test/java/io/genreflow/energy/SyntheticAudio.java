package io.genreflow.energy;

import java.util.Random;

/** Test material generated on the fly at 22050 Hz: tones, noise bursts, clicks, filtered noise. */
final class SyntheticAudio {

    static final int SAMPLE_RATE = 22050;

    private SyntheticAudio() {
    }

    /**
     * White-noise bursts decaying over 30 ms, {@code perSecond} of them evenly spaced, over a
     * quiet noise bed (40 dB below the burst peaks), so every frame has some sound.
     */
    static float[] noiseBursts(double perSecond, double seconds, long seed) {
        Random random = new Random(seed);
        float[] y = new float[(int) (seconds * SAMPLE_RATE)];
        int period = (int) Math.round(SAMPLE_RATE / perSecond);
        for (int i = 0; i < y.length; i++) {
            double envelope = 0.01 + Math.exp(-(i % period) / (0.03 * SAMPLE_RATE));
            y[i] = (float) (envelope * random.nextGaussian());
        }
        return y;
    }

    /** Single-sample clicks of amplitude {@code amplitude}, {@code perSecond} of them, in digital silence. */
    static float[] clicks(double perSecond, double seconds, float amplitude) {
        float[] y = new float[(int) (seconds * SAMPLE_RATE)];
        int period = (int) Math.round(SAMPLE_RATE / perSecond);
        for (int i = period / 2; i < y.length; i += period) {
            y[i] = amplitude;
        }
        return y;
    }

    /** A sine of {@code hz} with peak {@code amplitude}. */
    static float[] tone(double hz, double seconds, double amplitude) {
        float[] y = new float[(int) (seconds * SAMPLE_RATE)];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
        }
        return y;
    }

    /** {@code y} through {@code passes} one-pole low-pass filters at {@code cutoffHz} (a new array). */
    static float[] lowPassed(float[] y, double cutoffHz, int passes) {
        double a = 1 - Math.exp(-2 * Math.PI * cutoffHz / SAMPLE_RATE);
        float[] out = y.clone();
        for (int p = 0; p < passes; p++) {
            double state = 0;
            for (int i = 0; i < out.length; i++) {
                state += a * (out[i] - state);
                out[i] = (float) state;
            }
        }
        return out;
    }

    /** {@code y} scaled (a new array) so its RMS over all samples is {@code rmsDbfs} dBFS. */
    static float[] atRms(float[] y, double rmsDbfs) {
        double sum = 0;
        for (float v : y) {
            sum += (double) v * v;
        }
        double gain = Math.pow(10, rmsDbfs / 20) / Math.sqrt(sum / y.length);
        return scaled(y, gain);
    }

    /** {@code y} times {@code gain} (a new array). */
    static float[] scaled(float[] y, double gain) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) (y[i] * gain);
        }
        return out;
    }
}
