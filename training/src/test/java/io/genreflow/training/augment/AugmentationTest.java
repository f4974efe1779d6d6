package io.genreflow.training.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final int RATE = 22050;

    @Test
    void namesAreTheFormatsAndReadBack() {
        assertEquals(List.of("none", "speed-0.9", "speed-1.1", "speed-1.25", "gain", "noise", "lowpass"),
                Augmentation.DEFAULTS.stream().map(Augmentation::name).toList());
        for (Augmentation augmentation : Augmentation.DEFAULTS) {
            assertEquals(augmentation, Augmentation.named(augmentation.name()));
        }
        assertEquals(new SpeedChange(5, 4), Augmentation.named("speed-1.25"));
        assertEquals(new SpeedChange(1, 2), Augmentation.named("speed-0.5"));
        assertEquals("speed-1.125", new SpeedChange(9, 8).name());
        for (String bad : List.of("speed-1", "speed-0.90", "speed-3", "speed-0.1234", "speed-x", "speed-1e0", "echo", "")) {
            assertThrows(IllegalArgumentException.class, () -> Augmentation.named(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new SpeedChange(1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SpeedChange(10, 8));
    }

    @Test
    void theOriginalIsTheSignalItself() {
        float[] signal = sine(440, 0.5, 1000);
        assertSame(signal, new OriginalAudio().apply(signal, RATE, new Random(1)));
    }

    @Test
    void aSpeedChangeScalesDurationAndPitchTogether() {
        float[] signal = sine(1000, 0.5, 2 * RATE);
        float[] faster = Augmentation.named("speed-1.25").apply(signal, RATE, new Random(1));
        assertEquals((long) Math.ceil(signal.length * 0.8), faster.length);
        assertTrue(power(faster, 1250) > 1000 * power(faster, 1000), "a 1 kHz tone played 1.25x fast sounds at 1.25 kHz");
        float[] slower = Augmentation.named("speed-0.9").apply(signal, RATE, new Random(1));
        assertEquals((long) Math.ceil(signal.length / 0.9), slower.length);
        assertTrue(power(slower, 900) > 1000 * power(slower, 1000));
        assertEquals(0.5, amplitude(slower, 900), 0.005, "the level does not change");
    }

    @Test
    void gainScalesEveryTrackByItsOwnFactorWithinSixDecibels() {
        float[] signal = sine(300, 0.5, RATE);
        GainChange gain = new GainChange();
        double[] decibels = new double[20];
        for (int track = 0; track < decibels.length; track++) {
            float[] louder = gain.apply(signal, RATE, gain.randomFor(42, "track-" + track));
            double ratio = louder[100] / signal[100];
            for (int i = 1; i < signal.length; i += 97) {
                assertEquals(ratio, louder[i] / signal[i], 1e-5 * Math.abs(ratio));
            }
            decibels[track] = 20 * Math.log10(ratio);
            assertTrue(Math.abs(decibels[track]) <= GainChange.MAX_DB, decibels[track] + " dB");
        }
        assertTrue(Arrays.stream(decibels).max().orElseThrow() > 2 && Arrays.stream(decibels).min().orElseThrow() < -2,
                "gains spread over the range: " + Arrays.toString(decibels));
    }

    @Test
    void noiseLandsBetweenTwentyAndFortyDecibelsBelowTheSignal() {
        float[] signal = sine(300, 0.5, 2 * RATE);
        AddedNoise noise = new AddedNoise();
        for (int track = 0; track < 10; track++) {
            float[] noisy = noise.apply(signal, RATE, noise.randomFor(42, "track-" + track));
            double signalPower = 0;
            double noisePower = 0;
            for (int i = 0; i < signal.length; i++) {
                signalPower += signal[i] * signal[i];
                noisePower += (noisy[i] - signal[i]) * (noisy[i] - signal[i]);
            }
            double snr = 10 * Math.log10(signalPower / noisePower);
            assertTrue(snr > AddedNoise.MIN_SNR_DB - 0.2 && snr < AddedNoise.MAX_SNR_DB + 0.2, snr + " dB");
        }
        float[] silence = new float[1000];
        assertArrayEquals(silence, noise.apply(silence, RATE, new Random(3)));
    }

    @Test
    void theLowPassRemovesHighsAndKeepsLowsInPlace() {
        float[] low = sine(1000, 0.4, 2 * RATE);
        float[] high = sine(9000, 0.4, 2 * RATE);
        float[] mixed = new float[low.length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = low[i] + high[i];
        }
        RandomLowPass lowPass = new RandomLowPass();
        for (int track = 0; track < 5; track++) {
            float[] filtered = lowPass.apply(mixed, RATE, lowPass.randomFor(42, "track-" + track));
            assertEquals(mixed.length, filtered.length);
            assertTrue(power(filtered, 9000) < 1e-6 * power(mixed, 9000), "9 kHz is above every cut-off");
            for (int i = RATE / 2; i < RATE + RATE / 2; i++) {
                assertEquals(low[i], filtered[i], 2e-3, "1 kHz passes unchanged and unshifted, sample " + i);
            }
        }
    }

    @Test
    void eachTrackAndVariantHasItsOwnRepeatableRandomNumbers() {
        float[] signal = sine(300, 0.5, RATE);
        for (Augmentation augmentation : List.of(new GainChange(), new AddedNoise(), new RandomLowPass())) {
            float[] first = augmentation.apply(signal, RATE, augmentation.randomFor(42, "a"));
            assertArrayEquals(first, augmentation.apply(signal, RATE, augmentation.randomFor(42, "a")));
            assertFalse(Arrays.equals(first, augmentation.apply(signal, RATE, augmentation.randomFor(42, "b"))));
            assertFalse(Arrays.equals(first, augmentation.apply(signal, RATE, augmentation.randomFor(43, "a"))));
        }
        assertFalse(new GainChange().randomFor(42, "a").nextLong() == new AddedNoise().randomFor(42, "a").nextLong());
    }

    private static float[] sine(double frequency, double amplitude, int samples) {
        float[] signal = new float[samples];
        for (int i = 0; i < samples; i++) {
            signal[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / RATE));
        }
        return signal;
    }

    /** Mean power of {@code signal} at {@code frequency}: |DFT|² / N². */
    private static double power(float[] signal, double frequency) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < signal.length; i++) {
            double phase = 2 * Math.PI * frequency * i / RATE;
            re += signal[i] * Math.cos(phase);
            im -= signal[i] * Math.sin(phase);
        }
        return (re * re + im * im) / ((double) signal.length * signal.length);
    }

    private static double amplitude(float[] signal, double frequency) {
        return 2 * Math.sqrt(power(signal, frequency));
    }
}
