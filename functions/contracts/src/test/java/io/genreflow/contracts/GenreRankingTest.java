package io.genreflow.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GenreRankingTest {

    private static final List<String> LABELS = List.of("blues", "jazz", "metal", "pop");

    @Test
    void ranksLabelsByProbability() {
        GenreRanking ranking = GenreRanking.of(new double[] {0.1, 0.5, 0.3, 0.1}, LABELS, 3);

        assertEquals("jazz", ranking.genre());
        assertEquals(0.5, ranking.confidence());
        assertEquals(List.of(new LabelScore("jazz", 0.5), new LabelScore("metal", 0.3), new LabelScore("blues", 0.1)),
                ranking.topK());
    }

    @Test
    void tiesGoToTheEarlierLabel() {
        GenreRanking ranking = GenreRanking.of(new double[] {0.2, 0.4, 0.0, 0.4}, LABELS, 4);

        assertEquals("jazz", ranking.genre());
        assertEquals(List.of("jazz", "pop", "blues", "metal"), ranking.topK().stream().map(LabelScore::label).toList());
    }

    @Test
    void kIsCappedAtTheNumberOfLabels() {
        assertEquals(4, GenreRanking.of(new double[] {0.25, 0.25, 0.25, 0.25}, LABELS, 10).topK().size());
    }

    @Test
    void inconsistentInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GenreRanking.of(new double[] {0.5, 0.5}, LABELS, 1));
        assertThrows(IllegalArgumentException.class, () -> GenreRanking.of(new double[] {0.1, 0.2, 0.3, 0.4}, LABELS, 0));
        assertThrows(IllegalArgumentException.class,
                () -> GenreRanking.of(new double[] {0.5, 0.5}, List.of("jazz", "jazz"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new GenreRanking("pop", 0.9, List.of(new LabelScore("jazz", 0.9))));
    }
}
