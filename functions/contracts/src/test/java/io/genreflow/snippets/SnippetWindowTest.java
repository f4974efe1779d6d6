package io.genreflow.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SnippetWindowTest {

    private static final float[] TRACK = ramp(10);

    @Test
    void cutsFromTheWholeSignal() {
        SnippetWindow window = new SnippetWindow(4, 3, TRACK.length);
        assertEquals(3, window.availableSamples());
        assertArrayEquals(new float[] {4, 5, 6}, window.cut(TRACK, 0));
    }

    @Test
    void cutsFromARangedReadStartingElsewhere() {
        // A batch read of samples 3..9 serves the snippet at 4.
        float[] read = Arrays.copyOfRange(TRACK, 3, 10);
        assertArrayEquals(new float[] {4, 5, 6}, new SnippetWindow(4, 3, TRACK.length).cut(read, 3));
    }

    @Test
    void padsATrackShorterThanTheSnippetWithZeros() {
        SnippetWindow window = new SnippetWindow(0, 16, TRACK.length);
        assertEquals(10, window.availableSamples());
        float[] snippet = window.cut(TRACK, 0);
        assertEquals(16, snippet.length);
        assertArrayEquals(TRACK, Arrays.copyOf(snippet, 10));
        assertArrayEquals(new float[6], Arrays.copyOfRange(snippet, 10, 16));
    }

    @Test
    void refusesSamplesThatDoNotCoverTheWindow() {
        SnippetWindow window = new SnippetWindow(4, 3, TRACK.length);
        assertThrows(IllegalArgumentException.class, () -> window.cut(Arrays.copyOfRange(TRACK, 5, 10), 5));
        assertThrows(IllegalArgumentException.class, () -> window.cut(Arrays.copyOfRange(TRACK, 0, 6), 0));
    }

    @Test
    void rejectsWindowsOutsideTheTrack() {
        assertThrows(IllegalArgumentException.class, () -> new SnippetWindow(10, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> new SnippetWindow(-1, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> new SnippetWindow(0, 0, 10));
    }

    @Test
    void planWindowsCutTheSnippetsThePlanDescribes() {
        int rate = 100;
        float[] signal = ramp(350);
        SnippetPlan plan = SnippetPlanner.plan(new SnippetParams(3.0, 1.0, -60), rate, 1, signal);
        assertEquals(2, plan.snippets().size());
        float[] tail = plan.window(1).cut(signal, 0);
        assertArrayEquals(Arrays.copyOfRange(signal, 50, 350), tail);
    }

    private static float[] ramp(int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = i;
        }
        return x;
    }
}
