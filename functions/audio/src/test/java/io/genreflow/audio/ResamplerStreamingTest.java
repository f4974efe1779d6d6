package io.genreflow.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerStreamingTest {

    /** Block sizes that start, end and straddle the internal chunk and filter lengths at odd places. */
    private static final int[][] BLOCK_PATTERNS = {{1}, {3}, {7, 1, 250}, {64}, {1000}, {4097}, {10007, 2}};

    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"44100, 22050", "48000, 22050", "8000, 22050", "22050, 12000", "192000, 22050",
        "44100, 22051", "1000, 1000000", "22050, 22050"})
    void streamingInAnyBlockSizesGivesTheOneShotSamples(int inRate, int outRate) {
        float[] x = noise(inRate / 2 + 123, 1);
        float[] expected = Resampler.resample(x, inRate, outRate);

        for (int[] pattern : BLOCK_PATTERNS) {
            float[] actual = stream(x, inRate, outRate, pattern);
            assertArrayEquals(expected, actual, "blocks " + Arrays.toString(pattern));
        }
    }

    @Test
    void outputLengthFollowsLibrosa() {
        assertEquals(36000, Resampler.outputLength(66150, 22050, 12000));
        // 22050 · (12000/22050) is 12000.000000000002 in double, so librosa pads one zero.
        assertEquals(12001, Resampler.outputLength(22050, 22050, 12000));
        assertEquals(2, Resampler.outputLength(3, 44100, 22050));
        assertEquals(0, Resampler.outputLength(0, 44100, 22050));
        assertEquals(123, Resampler.outputLength(123, 8000, 8000));
        assertEquals(22050L * 3600 * 5, Resampler.outputLength(44100L * 3600 * 5, 44100, 22050));
    }

    @Test
    void paddedTailIsSilence() {
        float[] x = noise(22050, 2);
        float[] y = Resampler.resample(x, 22050, 12000);
        assertEquals(12001, y.length);
        assertEquals(0f, y[12000]);
        assertTrue(y[11999] != 0f);

        // 3 samples halve to 1.5: resampy computes one output, librosa pads the second.
        float[] odd = Resampler.resample(new float[] {0.5f, 0.5f, 0.5f}, 44100, 22050);
        assertEquals(2, odd.length);
        assertTrue(odd[0] != 0f);
        assertEquals(0f, odd[1]);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(0, Resampler.resample(new float[0], 44100, 22050).length);
        Resampler resampler = new Resampler(44100, 22050);
        assertEquals(-1, resampler.flush(new float[10], 0, 10));
    }

    @Test
    void equalRatesPassSamplesThroughUntouched() {
        float[] x = noise(1000, 3);
        assertArrayEquals(x, Resampler.resample(x, 16000, 16000));
    }

    @Test
    void memoryDoesNotGrowWithTheInput() {
        Resampler resampler = new Resampler(44100, 22050);
        int capacity = resampler.historyCapacity();
        assertTrue(capacity < 10_000, "history of " + capacity + " samples");

        float[] block = noise(44100 * 60, 4);
        float[] out = new float[resampler.maxOutputFor(block.length)];
        long produced = 0;
        for (int minute = 1; minute <= 5; minute++) {
            produced += resampler.process(block, 0, block.length, out, 0);
            // Output lags input only by the filter's reach, however much went in.
            long lag = minute * 60L * 22050 - produced;
            assertTrue(lag >= 0 && lag < capacity, "output lags by " + lag + " samples");
        }
        assertEquals(capacity, resampler.historyCapacity());
    }

    @Test
    void rejectsRatesItCannotHandle() {
        assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 22050));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(44100, -1));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(44100, Resampler.MAX_RATE + 1));
        // BEST's table has 8192 steps per zero crossing: downsampling by more than that is impossible.
        IllegalArgumentException tooFar = assertThrows(IllegalArgumentException.class,
                () -> new Resampler(1_000_000, 100));
        assertTrue(tooFar.getMessage().contains("8192:1"), tooFar.getMessage());
    }

    @Test
    void refusesInputAfterFlushAndTooSmallOutputArrays() {
        Resampler resampler = new Resampler(44100, 22050);
        float[] in = new float[1000];
        assertThrows(IndexOutOfBoundsException.class, () -> resampler.process(in, 0, 1000, new float[400], 0));
        while (resampler.flush(new float[64], 0, 64) >= 0) {
            // drain
        }
        assertThrows(IllegalStateException.class, () -> resampler.process(in, 0, 10, new float[100], 0));
    }

    /** Feeds {@code x} in blocks cycling through {@code pattern}, drains the flush in blocks of 5. */
    static float[] stream(float[] x, int inRate, int outRate, int[] pattern) {
        Resampler resampler = new Resampler(inRate, outRate);
        float[] y = new float[(int) Resampler.outputLength(x.length, inRate, outRate)];
        int written = 0;
        int offset = 0;
        for (int i = 0; offset < x.length; i++) {
            int length = Math.min(pattern[i % pattern.length], x.length - offset);
            float[] out = new float[resampler.maxOutputFor(length)];
            int got = resampler.process(x, offset, length, out, 0);
            System.arraycopy(out, 0, y, written, got);
            written += got;
            offset += length;
        }
        float[] tail = new float[5];
        for (int got; (got = resampler.flush(tail, 0, tail.length)) >= 0; written += got) {
            System.arraycopy(tail, 0, y, written, got);
        }
        assertEquals(y.length, written);
        return y;
    }

    static float[] noise(int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.25 * random.nextGaussian());
        }
        return x;
    }
}
