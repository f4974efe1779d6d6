package io.genreflow.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelTrackerTest {

    private static final int RATE = 22050;

    /** Three seconds of silence, three of a -9 dBFS tone, three of noise at -70 dBFS. */
    @Test
    void flagsSilentAndNearSilentSnippets() {
        float[] signal = new float[9 * RATE];
        Random random = new Random(3);
        double nearSilence = Math.pow(10, -70 / 20.0);
        for (int i = 3 * RATE; i < 6 * RATE; i++) {
            signal[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        for (int i = 6 * RATE; i < 9 * RATE; i++) {
            signal[i] = (float) (nearSilence * random.nextGaussian());
        }

        SnippetPlan plan = streamed(SnippetParams.defaults(), RATE, 1, signal, 1000);
        List<Snippet> snippets = plan.snippets();

        assertEquals(7, snippets.size());
        assertTrue(snippets.get(0).silent());
        assertEquals(SnippetParams.LEVEL_FLOOR_DBFS, snippets.get(0).rmsDbfs());
        for (int k = 1; k <= 5; k++) {
            assertFalse(snippets.get(k).silent(), "snippet " + k + " overlaps the tone");
        }
        // Tone alone: 0.5 / √2 RMS = -9.03 dBFS.
        assertEquals(-9.03, snippets.get(3).rmsDbfs(), 0.01);
        assertTrue(snippets.get(6).silent());
        assertEquals(-70, snippets.get(6).rmsDbfs(), 0.1);
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, true}, plan.silentMask());
    }

    /** The streamed levels equal the levels computed directly from the whole signal, for any block sizes. */
    @ParameterizedTest(name = "{0} s snippets every {1} s at {2} Hz, {3} s of audio, blocks of {4}, grid {5}")
    @CsvSource({
        "3.0, 1.0, 22050, 30.2, 4096, 1", "3.0, 1.0, 22050, 2.2, 777, 1", "3.0, 1.0, 22050, 240, 100000, 1",
        "2.5, 0.75, 16000, 10.3, 333, 1", "2.5, 0.75, 16000, 10.0, 1, 1", "3.0, 3.0, 22050, 10.0, 4097, 1",
        "1.0, 0.3, 8000, 7.77, 64, 1", "3.0, 1.0, 22050, 30.2, 4096, 512", "3.0, 1.0, 22050, 31.0, 999, 512",
        "1.0, 0.5, 8000, 7.77, 64, 256"})
    void streamedLevelsMatchTheWholeSignal(double snippetSeconds, double hopSeconds, int rate, double seconds,
            int block, int grid) {
        SnippetParams params = new SnippetParams(snippetSeconds, hopSeconds, -40);
        float[] signal = swellingNoise((int) Math.round(seconds * rate), rate);

        SnippetPlan plan = streamed(params, rate, grid, signal, block);

        long[] starts = SnippetPlanner.starts(signal.length, params.snippetSamples(rate), params.hopSamples(rate, grid),
                grid);
        assertEquals(starts.length, plan.snippets().size());
        for (int k = 0; k < starts.length; k++) {
            Snippet snippet = plan.snippets().get(k);
            int from = (int) starts[k];
            int to = Math.min(signal.length, from + params.snippetSamples(rate));
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) signal[i] * signal[i];
            }
            double expected = 20 * Math.log10(Math.sqrt(sum / (to - from)));
            assertEquals(starts[k], snippet.startSample());
            assertEquals(expected, snippet.rmsDbfs(), 1e-9, "snippet " + k);
            assertEquals(expected < -40, snippet.silent(), "snippet " + k);
        }
        assertEquals(plan, SnippetPlanner.plan(params, rate, grid, signal));
    }

    @Test
    void rejectsNonFiniteSamplesWithoutTakingThem() {
        LevelTracker levels = new LevelTracker(SnippetParams.defaults(), RATE, 1);
        levels.accept(new float[100], 0, 100);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> levels.accept(new float[] {0.1f, Float.NaN}, 0, 2));
        assertTrue(error.getMessage().contains("sample 101"), error.getMessage());
        assertEquals(100, levels.totalSamples());
    }

    @Test
    void answersOnlyForPlannedStarts() {
        LevelTracker levels = new LevelTracker(SnippetParams.defaults(), RATE, 1);
        levels.accept(new float[10 * RATE], 0, 10 * RATE);
        assertEquals(0.0, levels.snippetEnergy(7L * RATE));
        assertThrows(IllegalArgumentException.class, () -> levels.snippetEnergy(RATE / 2));
        assertThrows(IllegalArgumentException.class, () -> levels.snippetEnergy(8L * RATE));
    }

    private static SnippetPlan streamed(SnippetParams params, int rate, int grid, float[] signal, int block) {
        LevelTracker levels = new LevelTracker(params, rate, grid);
        for (int offset = 0; offset < signal.length; offset += block) {
            levels.accept(signal, offset, Math.min(block, signal.length - offset));
        }
        return SnippetPlanner.plan(levels);
    }

    /** Noise whose level swells between -60 and -10 dBFS every few seconds, so snippets differ. */
    private static float[] swellingNoise(int length, int rate) {
        Random random = new Random(length);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            double db = -60 + 50 * Math.abs(Math.sin(Math.PI * i / (4.3 * rate)));
            x[i] = (float) (Math.pow(10, db / 20) * random.nextGaussian());
        }
        return x;
    }
}
