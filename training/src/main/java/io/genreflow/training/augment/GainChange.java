package io.genreflow.training.augment;

import java.util.Random;

/**
 * Scales the whole track by a random gain of up to ±{@value #MAX_DB} dB, as recordings are
 * mastered louder or quieter. Samples may then exceed ±1; they are not clipped, because clipping
 * would add distortion the variant is not meant to teach.
 */
public record GainChange() implements Augmentation {

    /** The variant's name. */
    public static final String NAME = "gain";

    /** Largest gain change either way, in dB. */
    public static final double MAX_DB = 6.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] apply(float[] signal, int sampleRate, Random random) {
        double decibels = (2 * random.nextDouble() - 1) * MAX_DB;
        float factor = (float) Math.pow(10, decibels / 20);
        float[] scaled = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            scaled[i] = signal[i] * factor;
        }
        return scaled;
    }
}
