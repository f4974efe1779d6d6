package io.genreflow.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetPlannerTest {

    private static final int RATE = 22050;
    private static final int SNIPPET = 3 * RATE;
    private static final int HOP = RATE;

    @Test
    void trackShorterThanASnippetGetsOneSnippetAtZero() {
        assertArrayEquals(new long[] {0}, SnippetPlanner.starts(RATE / 2, SNIPPET, HOP, 1));
        assertArrayEquals(new long[] {0}, SnippetPlanner.starts(1, SNIPPET, HOP, 1));
    }

    @Test
    void trackOfExactlyOneSnippetGetsOne() {
        assertArrayEquals(new long[] {0}, SnippetPlanner.starts(SNIPPET, SNIPPET, HOP, 1));
    }

    @Test
    void tailIsCoveredByASnippetEndingOnTheTrackEnd() {
        // 3.5 s: the regular snippet covers 0-3 s, the tail snippet 0.5-3.5 s.
        assertArrayEquals(new long[] {0, RATE / 2}, SnippetPlanner.starts(3 * RATE + RATE / 2, SNIPPET, HOP, 1));
    }

    @Test
    void thirtySecondsMakeTwentyEightSnippetsEndingExactlyOnTheEnd() {
        long[] starts = SnippetPlanner.starts(30L * RATE, SNIPPET, HOP, 1);
        assertEquals(28, starts.length);
        for (int k = 0; k < starts.length; k++) {
            assertEquals((long) k * HOP, starts[k]);
        }
        assertEquals(30L * RATE, starts[27] + SNIPPET);
    }

    @Test
    void thirtyPointTwoSecondsAddAnEndAlignedSnippet() {
        long total = Math.round(30.2 * RATE);
        long[] starts = SnippetPlanner.starts(total, SNIPPET, HOP, 1);
        assertEquals(29, starts.length);
        assertEquals(27L * HOP, starts[27]);
        assertEquals(total - SNIPPET, starts[28]);
        assertEquals(599_760, starts[28]);
    }

    @Test
    void fourMinutesMakeTwoHundredThirtyEightSnippets() {
        long[] starts = SnippetPlanner.starts(240L * RATE, SNIPPET, HOP, 1);
        assertEquals(238, starts.length);
        assertEquals(237L * HOP, starts[237]);
    }

    @Test
    void onTheStftGridEveryStartIsAFrameAndTheTailEndsUnderOneFramePastTheTrack() {
        int grid = 512;
        int hop = SnippetParams.defaults().hopSamples(RATE, grid);
        assertEquals(43 * 512, hop);

        long total = Math.round(30.2 * RATE);
        long[] starts = SnippetPlanner.starts(total, SNIPPET, hop, grid);

        for (long start : starts) {
            assertEquals(0, start % grid, "start " + start);
        }
        long tail = starts[starts.length - 1];
        assertTrue(tail + SNIPPET >= total && tail + SNIPPET < total + grid, "tail at " + tail);
        assertTrue(tail > starts[starts.length - 2]);
        assertThrows(IllegalArgumentException.class, () -> SnippetPlanner.starts(total, SNIPPET, RATE, grid),
                "a hop off the grid");
    }

    @Test
    void nonDefaultParamsFollowTheSameRules() {
        SnippetParams params = new SnippetParams(2.5, 0.75, -50);
        int snippet = params.snippetSamples(16000);
        int hop = params.hopSamples(16000);
        assertEquals(40000, snippet);
        assertEquals(12000, hop);

        // 10 s: starts 0, 0.75, ..., 7.5 s; the last ends exactly at 10 s.
        long[] exact = SnippetPlanner.starts(160_000, snippet, hop, 1);
        assertEquals(11, exact.length);
        assertEquals(120_000, exact[10]);

        // 10.3 s: the same eleven, then one ending at 10.3 s.
        long[] withTail = SnippetPlanner.starts(164_800, snippet, hop, 1);
        assertEquals(12, withTail.length);
        assertEquals(120_000, withTail[10]);
        assertEquals(124_800, withTail[11]);

        // Hop equal to the snippet: back-to-back snippets, tail aligned to the end.
        assertArrayEquals(new long[] {0, 3 * RATE, 6 * RATE, 7 * RATE}, SnippetPlanner.starts(10 * RATE, SNIPPET, SNIPPET, 1));
    }

    @Test
    void everySampleIsCoveredAndStartsIncrease() {
        for (long total : new long[] {1, 66_149, 66_150, 66_151, 88_200, 665_910, 1_000_003}) {
            long[] starts = SnippetPlanner.starts(total, SNIPPET, HOP, 1);
            assertEquals(0, starts[0]);
            for (int k = 1; k < starts.length; k++) {
                assertTrue(starts[k] > starts[k - 1] && starts[k] - starts[k - 1] <= HOP, "gap before snippet " + k);
            }
            assertEquals(Math.max(total, SNIPPET), starts[starts.length - 1] + SNIPPET, "last snippet ends on the end");
        }
    }

    @Test
    void emptyTrackIsAnError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SnippetPlanner.starts(0, SNIPPET, HOP, 1));
        assertTrue(error.getMessage().contains("no audio"), error.getMessage());
        LevelTracker nothing = new LevelTracker(SnippetParams.defaults(), RATE, 1);
        assertThrows(IllegalArgumentException.class, () -> SnippetPlanner.plan(nothing));
    }

    @Test
    void planCarriesTheLayout() {
        SnippetPlan plan = SnippetPlanner.plan(SnippetParams.defaults(), RATE, 1, new float[Math.round(30.2f * RATE)]);
        assertEquals(RATE, plan.sampleRate());
        assertEquals(665_910, plan.totalSamples());
        assertEquals(SNIPPET, plan.snippetSamples());
        assertEquals(HOP, plan.hopSamples());
        assertEquals(29, plan.snippets().size());
        for (int i = 0; i < 29; i++) {
            assertEquals(i, plan.snippets().get(i).index());
        }
        assertEquals(599_760, plan.window(28).start());
    }
}
