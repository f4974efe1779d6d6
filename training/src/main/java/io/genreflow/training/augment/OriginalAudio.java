package io.genreflow.training.augment;

import io.genreflow.training.dataset.DatasetLayout;
import java.util.Random;

/** The track as decoded and resampled for serving, unchanged: the {@code none} rows. */
public record OriginalAudio() implements Augmentation {

    @Override
    public String name() {
        return DatasetLayout.ORIGINAL_AUDIO;
    }

    @Override
    public float[] apply(float[] signal, int sampleRate, Random random) {
        return signal;
    }
}
