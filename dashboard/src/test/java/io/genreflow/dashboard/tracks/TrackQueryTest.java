package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.TrackStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackQueryTest {

    private static final List<TrackSummary> TRACKS = List.of(
            track("a", "b-side.wav", "Zebra", TrackStatus.DONE, "jazz", 0.9, "2026-01-01T00:00:00Z"),
            track("b", "alpha.mp3", null, TrackStatus.FAILED, null, null, "2026-01-03T00:00:00Z"),
            track("c", "mid.flac", "Middle", TrackStatus.DONE, "rock", 0.4, "2026-01-02T00:00:00Z"),
            track("d", "new.ogg", null, TrackStatus.CLASSIFYING, null, null, "2026-01-04T00:00:00Z"));

    @Test
    void defaultsToNewestUploadFirst() {
        assertEquals(List.of("d", "b", "c", "a"), ids(TrackQuery.parse(null, null, null, null, null, null, null, 50)
                .matching(TRACKS)));
    }

    @Test
    void filtersByStatusGenreAndNameTitleOrArtistInAnyCase() {
        assertEquals(List.of("c", "a"), ids(TrackQuery.parse("done", null, null, null, null, null, null, 50).matching(TRACKS)));
        assertEquals(List.of("a"), ids(TrackQuery.parse(null, "JAZZ", null, null, null, null, null, 50).matching(TRACKS)));
        assertEquals(List.of("a"), ids(TrackQuery.parse(null, null, "zeb", null, null, null, null, 50).matching(TRACKS)));
        assertEquals(List.of("a"), ids(TrackQuery.parse(null, null, "B-SIDE", null, null, null, null, 50).matching(TRACKS)));
    }

    @Test
    void sortsByTitleElseFileNameAndPutsMissingValuesLast() {
        assertEquals(List.of("b", "c", "d", "a"), ids(TrackQuery.parse(null, null, null, "name", "asc", null, null, 50)
                .matching(TRACKS)));
        assertEquals(List.of("c", "a", "b", "d"), ids(TrackQuery.parse(null, null, null, "confidence", "asc", null, null, 50)
                .matching(TRACKS)));
        List<String> descending = ids(TrackQuery.parse(null, null, null, "confidence", "desc", null, null, 50)
                .matching(TRACKS));
        assertEquals(List.of("a", "c"), descending.subList(2, 4), "reversed, the unscored come first: " + descending);
    }

    @Test
    void pages() {
        TrackPage second = TrackQuery.parse(null, null, null, null, null, 2, 3, 50).apply(TRACKS);
        assertEquals(List.of("a"), ids(second.tracks()));
        assertEquals(4, second.total());
        assertEquals(2, second.pages());
        assertTrue(second.hasPrevious());
        assertEquals(List.of(), TrackQuery.parse(null, null, null, null, null, 9, 3, 50).apply(TRACKS).tracks());
    }

    @Test
    void refusesBadParametersWithTheValuesItTakes() {
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class,
                () -> TrackQuery.parse("finished", null, null, null, null, null, null, 50));
        assertTrue(status.getMessage().contains("[splitting, classifying, done, failed]"), status.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrackQuery.parse(null, null, null, "size", null, null, null, 50));
        assertThrows(IllegalArgumentException.class, () -> TrackQuery.parse(null, null, null, null, "up", null, null, 50));
        assertThrows(IllegalArgumentException.class, () -> TrackQuery.parse(null, null, null, null, null, 0, null, 50));
        assertThrows(IllegalArgumentException.class, () -> TrackQuery.parse(null, null, null, null, null, 1, 501, 50));
    }

    private static List<String> ids(List<TrackSummary> tracks) {
        return tracks.stream().map(TrackSummary::id).toList();
    }

    static TrackSummary track(String id, String name, String title, TrackStatus status, String genre, Double confidence,
                              String createdAt) {
        return new TrackSummary(id, name, title, null, status, 0, 0, genre, confidence, false, false, null, null, null,
                createdAt, createdAt, null);
    }
}
