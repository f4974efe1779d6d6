package io.genreflow.training.augment;

import io.genreflow.training.dataset.DatasetLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;

/**
 * A variant of a track's audio that enlarges the training data: the same music as the models may
 * meet it in other recordings. Variants apply to the whole decoded track at the model's sample
 * rate, before it is cut into snippets; each gets its own random numbers, seeded by the run's seed,
 * the track and the variant, so a track always yields the same variant.
 */
public sealed interface Augmentation permits OriginalAudio, SpeedChange, GainChange, AddedNoise, RandomLowPass {

    /** Every variant the prepare command produces unless told otherwise, the original first. */
    List<Augmentation> DEFAULTS = List.of(new OriginalAudio(), SpeedChange.of("0.9"), SpeedChange.of("1.1"),
            SpeedChange.of("1.25"), new GainChange(), new AddedNoise(), new RandomLowPass());

    /** The variant's name in snippets.csv and dataset.json, e.g. {@code speed-1.1}. */
    String name();

    /**
     * The variant of {@code signal}, mono samples at {@code sampleRate}; a new array, except that
     * the original audio is returned as it is.
     */
    float[] apply(float[] signal, int sampleRate, Random random);

    /** The random numbers this variant uses for the track with id {@code trackId}. */
    default Random randomFor(long seed, String trackId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((seed + "\n" + trackId + "\n" + name()).getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest();
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = value << 8 | (digest[i] & 0xFF);
            }
            return new Random(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /**
     * The variant called {@code name}: {@code none}, {@code speed-<factor>} (0.5 to 2, e.g.
     * {@code speed-1.1}), {@code gain}, {@code noise} or {@code lowpass}.
     */
    static Augmentation named(String name) {
        if (name.equals(DatasetLayout.ORIGINAL_AUDIO)) {
            return new OriginalAudio();
        }
        if (name.startsWith(SpeedChange.PREFIX)) {
            return SpeedChange.of(name.substring(SpeedChange.PREFIX.length()));
        }
        return switch (name) {
            case GainChange.NAME -> new GainChange();
            case AddedNoise.NAME -> new AddedNoise();
            case RandomLowPass.NAME -> new RandomLowPass();
            default -> throw new IllegalArgumentException("unknown augmentation '" + name
                    + "'; expected none, speed-<factor> (e.g. speed-1.1), gain, noise or lowpass");
        };
    }
}
