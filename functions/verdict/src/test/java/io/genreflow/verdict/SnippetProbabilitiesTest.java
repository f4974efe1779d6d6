package io.genreflow.verdict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.PartialResult.SnippetScores;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.TrackId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnippetProbabilitiesTest {

    private static final TrackId TRACK = new TrackId("0123456789abcdef0123");

    @Test
    void batchesInAnyOrderFillTheirSnippetsRows() {
        float[][] matrix = SnippetProbabilities.fromPartials(List.of(
                result(Representation.LOGMEL, 1, scores(2, 0.5f), scores(3, 0.25f)),
                result(Representation.LOGMEL, 0, scores(0, 1f), scores(1, 0.75f))), 4, 2);

        assertArrayEquals(new float[][] {{1f, 0f}, {0.75f, 0.25f}, {0.5f, 0.5f}, {0.25f, 0.75f}}, matrix);
    }

    @Test
    void incompleteOrInconsistentResultsAreRefused() {
        assertEquals("no result of 'logmel' scores snippet 1", message(List.of(result(Representation.LOGMEL, 0, scores(0, 1f))), 2));
        assertEquals("snippet 0 of 'logmel' is scored by two batches", message(List.of(
                result(Representation.LOGMEL, 0, scores(0, 1f)), result(Representation.LOGMEL, 1, scores(0, 1f))), 1));
        assertEquals("batch 0 of 'logmel' scores snippet 3 but the track has 2",
                message(List.of(result(Representation.LOGMEL, 0, scores(3, 1f))), 2));
        assertEquals("results of 'chroma' and 'logmel' cannot make one matrix", message(List.of(
                result(Representation.LOGMEL, 0, scores(0, 1f)), result(Representation.CHROMA, 1, scores(1, 1f))), 2));
        assertEquals("batch 0 of 'logmel' has 2 probabilities per snippet for 3 labels", assertThrows(
                IllegalArgumentException.class, () -> SnippetProbabilities.fromPartials(
                        List.of(result(Representation.LOGMEL, 0, scores(0, 1f))), 1, 3)).getMessage());
    }

    private static String message(List<PartialResult> results, int snippets) {
        return assertThrows(IllegalArgumentException.class,
                () -> SnippetProbabilities.fromPartials(results, snippets, 2)).getMessage();
    }

    private static PartialResult result(Representation representation, int batch, SnippetScores... snippets) {
        return new PartialResult(SchemaVersion.CURRENT, TRACK, representation, batch, List.of(snippets), "v1",
                Map.of("inference", 3L));
    }

    private static SnippetScores scores(int index, float first) {
        return new SnippetScores(index, List.of(first, 1 - first));
    }
}
