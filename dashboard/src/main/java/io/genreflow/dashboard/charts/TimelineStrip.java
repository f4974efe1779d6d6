package io.genreflow.dashboard.charts;

import io.quarkus.qute.TemplateData;

import io.genreflow.contracts.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-snippet timeline as a strip coloured by genre over the track's length, and the same as
 * text: runs of consecutive snippets with one genre become segments, which is where a song
 * changing character shows.
 */
public final class TimelineStrip {

    /** The strip's width in SVG user units. */
    public static final int WIDTH = 1000;

    private TimelineStrip() {
    }

    /**
     * One snippet's cell in the strip.
     *
     * @param x       its left edge
     * @param width   its width
     * @param colour  its genre's colour
     * @param tooltip what hovering shows: times, genre, probability
     */
    @TemplateData
    public record Cell(double x, double width, String colour, String tooltip) {
    }

    /**
     * Consecutive snippets with the same genre.
     *
     * @param from        where the first snippet starts, printed
     * @param to          where the last snippet's hop ends, printed
     * @param genre       the genre
     * @param colour      its colour
     * @param snippets    how many snippets
     * @param probability their mean probability, printed
     */
    @TemplateData
    public record Segment(String from, String to, String genre, String colour, int snippets, String probability) {
    }

    /**
     * The cells of {@code timeline}; each snippet owns the stretch until the next one starts (one
     * hop), the last one until the end of the track.
     */
    public static List<Cell> cells(List<Verdict.TimelineEntry> timeline, double durationSeconds, GenrePalette palette) {
        List<Cell> cells = new ArrayList<>();
        double length = Math.max(durationSeconds, end(timeline, timeline.size() - 1, durationSeconds));
        for (int i = 0; i < timeline.size(); i++) {
            Verdict.TimelineEntry entry = timeline.get(i);
            double end = end(timeline, i, durationSeconds);
            double x = entry.startSeconds() / length * WIDTH;
            double width = Math.max(0.5, (end - entry.startSeconds()) / length * WIDTH);
            cells.add(new Cell(x, width, palette.colour(entry.genre()), Percent.clock(entry.startSeconds()) + "–"
                    + Percent.clock(end) + ": " + entry.genre() + " " + Percent.of(entry.probability())));
        }
        return cells;
    }

    /** The runs of one genre, in time order. */
    public static List<Segment> segments(List<Verdict.TimelineEntry> timeline, double durationSeconds,
                                         GenrePalette palette) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= timeline.size(); i++) {
            if (i == timeline.size() || !timeline.get(i).genre().equals(timeline.get(start).genre())) {
                List<Verdict.TimelineEntry> run = timeline.subList(start, i);
                double mean = run.stream().mapToDouble(Verdict.TimelineEntry::probability).average().orElse(0);
                String genre = run.getFirst().genre();
                segments.add(new Segment(Percent.clock(run.getFirst().startSeconds()),
                        Percent.clock(end(timeline, i - 1, durationSeconds)), genre, palette.colour(genre), run.size(),
                        Percent.of(mean)));
                start = i;
            }
        }
        return segments;
    }

    private static double end(List<Verdict.TimelineEntry> timeline, int i, double durationSeconds) {
        if (i < 0) {
            return durationSeconds;
        }
        if (i + 1 < timeline.size()) {
            return timeline.get(i + 1).startSeconds();
        }
        double hop = timeline.size() > 1 ? timeline.get(i).startSeconds() - timeline.get(i - 1).startSeconds() : 0;
        return Math.max(durationSeconds, timeline.get(i).startSeconds() + hop);
    }
}
