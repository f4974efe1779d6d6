package io.genreflow.training.prepare;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports a run's progress as one line that keeps rewriting itself (carriage return): tracks
 * done of all, speed in tracks per second and as a multiple of real time, and the time left.
 * Messages about single tracks go on lines of their own above it. Thread-safe.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long started;
    private int total;
    private int done;
    private int doneBefore;
    private double audioSeconds;
    private long lastDrawn = Long.MIN_VALUE;
    private int lastLength;

    /** Progress written to {@code out}, timed by {@code nanoTime} (e.g. {@code System::nanoTime}). */
    public Progress(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /** Starts counting: {@code total} tracks, {@code alreadyDone} of them finished by an earlier run. */
    synchronized void start(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.doneBefore = alreadyDone;
        draw(true);
    }

    /** One more track finished, {@code seconds} of audio long. */
    synchronized void trackDone(double seconds) {
        done++;
        audioSeconds += seconds;
        draw(false);
    }

    /** A message about one track, printed on its own line. */
    synchronized void note(String message) {
        clear();
        out.println(message);
        draw(true);
    }

    /** Ends the progress line. */
    synchronized void finish() {
        draw(true);
        out.println();
        out.flush();
    }

    private void draw(boolean always) {
        long now = nanoTime.getAsLong();
        if (!always && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        String line = line(done, total, done - doneBefore, audioSeconds, (now - started) / 1e9);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    private void clear() {
        out.print("\r" + " ".repeat(lastLength) + "\r");
        lastLength = 0;
    }

    /**
     * The progress line.
     *
     * @param done         tracks finished, including earlier runs'
     * @param total        all tracks
     * @param doneNow      tracks finished by this run
     * @param audioSeconds audio this run has prepared
     * @param elapsed      seconds this run has taken
     */
    static String line(int done, int total, int doneNow, double audioSeconds, double elapsed) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "prepare: %d/%d tracks", done, total));
        if (doneNow > 0 && elapsed > 0) {
            double rate = doneNow / elapsed;
            line.append(String.format(Locale.ROOT, ", %.2f tracks/s, %.0fx real time, ETA %s", rate,
                    audioSeconds / elapsed, duration((total - done) / rate)));
        }
        return line.toString();
    }

    /** {@code seconds} as {@code 1h02m03s}, {@code 2m03s} or {@code 3s}. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long rest = whole % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", hours, minutes, rest);
        }
        return minutes > 0 ? String.format(Locale.ROOT, "%dm%02ds", minutes, rest) : rest + "s";
    }
}
