package io.genreflow.training.augment;

import java.util.Random;

/**
 * Adds white Gaussian noise at a random signal-to-noise ratio between {@value #MIN_SNR_DB} and
 * {@value #MAX_SNR_DB} dB, relative to the track's mean power, as hiss, cheap converters or lossy
 * coding would. A silent track stays silent.
 */
public record AddedNoise() implements Augmentation {

    /** The variant's name. */
    public static final String NAME = "noise";

    public static final double MIN_SNR_DB = 20.0;
    public static final double MAX_SNR_DB = 40.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] apply(float[] signal, int sampleRate, Random random) {
        double snrDb = MIN_SNR_DB + random.nextDouble() * (MAX_SNR_DB - MIN_SNR_DB);
        double power = 0;
        for (float sample : signal) {
            power += (double) sample * sample;
        }
        power /= Math.max(1, signal.length);
        double deviation = Math.sqrt(power / Math.pow(10, snrDb / 10));
        float[] noisy = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            noisy[i] = (float) (signal[i] + deviation * random.nextGaussian());
        }
        return noisy;
    }
}
