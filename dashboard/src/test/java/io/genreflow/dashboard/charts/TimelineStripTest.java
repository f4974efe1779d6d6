package io.genreflow.dashboard.charts;

import io.genreflow.contracts.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineStripTest {

    private final GenrePalette palette = new GenrePalette(List.of("jazz", "rock"));
    private final List<Verdict.TimelineEntry> timeline = List.of(new Verdict.TimelineEntry(0, 0, "jazz", 0.8),
            new Verdict.TimelineEntry(1, 1, "jazz", 0.6), new Verdict.TimelineEntry(2, 2, "rock", 0.9),
            new Verdict.TimelineEntry(3, 3, "rock", 0.7));

    @Test
    void cellsCoverTheTrackOneHopEachAndTheLastUntilTheEnd() {
        List<TimelineStrip.Cell> cells = TimelineStrip.cells(timeline, 6.0, palette);
        assertEquals(4, cells.size());
        assertEquals(0, cells.getFirst().x(), 1e-9);
        assertEquals(1000.0 / 6, cells.getFirst().width(), 1e-9);
        assertEquals(500, cells.get(3).x(), 1e-9);
        assertEquals(500, cells.get(3).width(), 1e-9, "the last snippet runs to the end of the track");
        assertEquals("0:02–0:03: rock 90.0 %", cells.get(2).tooltip());
        assertEquals(palette.colour("rock"), cells.get(2).colour());
    }

    @Test
    void segmentsAreRunsOfOneGenre() {
        assertEquals(List.of(new TimelineStrip.Segment("0:00", "0:02", "jazz", palette.colour("jazz"), 2, "70.0 %"),
                        new TimelineStrip.Segment("0:02", "0:06", "rock", palette.colour("rock"), 2, "80.0 %")),
                TimelineStrip.segments(timeline, 6.0, palette));
    }
}
