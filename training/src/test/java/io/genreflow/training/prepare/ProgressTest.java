package io.genreflow.training.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineShowsCountRateRealTimeAndTimeLeft() {
        assertEquals("prepare: 0/10 tracks", Progress.line(0, 10, 0, 0, 0));
        // 4 tracks of 30 s in 2 s: 2 tracks/s, 60x real time, 6 left take 3 s.
        assertEquals("prepare: 4/10 tracks, 2.00 tracks/s, 60x real time, ETA 3s", Progress.line(4, 10, 4, 120, 2));
        // Resumed with 5 done before: only this run's tracks set the rate.
        assertEquals("prepare: 6/10 tracks, 0.50 tracks/s, 15x real time, ETA 8s", Progress.line(6, 10, 1, 30, 2));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("0s", Progress.duration(0.2));
        assertEquals("59s", Progress.duration(59));
        assertEquals("2m03s", Progress.duration(123));
        assertEquals("1h02m03s", Progress.duration(3723));
    }

    @Test
    void rewritesOneLineAndPutsNotesAboveIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        progress.start(3, 0);
        now.set(1_000_000_000L);
        progress.trackDone(30);
        progress.note("skipped a.wav: broken");
        now.set(1_100_000_000L);
        progress.trackDone(30);
        now.set(2_000_000_000L);
        progress.trackDone(30);
        progress.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rprepare: 0/3 tracks"), text);
        String afterOne = "prepare: 1/3 tracks, 1.00 tracks/s, 30x real time, ETA 2s";
        assertTrue(text.contains("\r" + afterOne + "\r" + " ".repeat(afterOne.length()) + "\rskipped a.wav: broken\n\r" + afterOne), text);
        assertTrue(!text.contains("2/3"), "the second track came too soon after the last redraw to draw again: " + text);
        assertTrue(text.endsWith("\rprepare: 3/3 tracks, 1.50 tracks/s, 45x real time, ETA 0s\n"), text);
    }
}
