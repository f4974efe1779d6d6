package io.genreflow.training.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.PreparedDataset;
import io.genreflow.training.dataset.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackSummaryReaderTest {

    @TempDir
    Path folder;

    /** Small integers, exact in float16: value = 10·track + 3·column + frame + snippet, and 1000 in augmented rows. */
    private static float[][] frames(Representation representation, int track, boolean augmented, int snippet) {
        int width = representation == Representation.LOGMEL ? 3 : 2;
        float[][] frames = new float[PreparedDatasetFixture.FRAMES][width];
        for (int t = 0; t < frames.length; t++) {
            for (int j = 0; j < width; j++) {
                frames[t][j] = augmented ? 1000 : 10 * track + 3 * j + t + snippet;
            }
        }
        return frames;
    }

    private DatasetLayout write(List<PreparedDatasetFixture.Track> tracks) throws IOException {
        Map<Representation, Integer> widths = new LinkedHashMap<>();
        widths.put(Representation.LOGMEL, 3);
        widths.put(Representation.CHROMA, 2);
        return PreparedDatasetFixture.write(folder.resolve("data"), List.of("a", "b"), tracks, 2, widths,
                TrackSummaryReaderTest::frames);
    }

    @Test
    void aTrackIsSummarisedByColumnMeansAndStandardDeviationsOverAllFramesOfItsOriginalSnippets() throws IOException {
        DatasetLayout layout = write(PreparedDatasetFixture.tracks(7, 2, 2));
        List<Representation> read = new ArrayList<>();

        TrackSummaries summaries = TrackSummaryReader.read(PreparedDataset.open(layout.root()),
                List.of(Representation.LOGMEL, Representation.CHROMA), read::add);

        assertEquals(List.of(Representation.LOGMEL, Representation.CHROMA), read);
        assertEquals(7, summaries.tracks().size());
        assertEquals(new TrackSummaries.Track(1, Split.VALIDATION, 1), summaries.tracks().get(3));
        for (int track = 0; track < 7; track++) {
            double[] expected = new double[6];
            for (int j = 0; j < 3; j++) {
                // Frames 0..3 of snippet 0 and 1..4 of snippet 1 around 10·track + 3j: mean +2, variance 1.5 over 8 values.
                expected[j] = 10 * track + 3 * j + 2;
                expected[3 + j] = Math.sqrt(1.5);
            }
            assertArrayEquals(expected, summaries.summaries().get(Representation.LOGMEL)[track], 1e-12);
            assertEquals(4, summaries.summaries().get(Representation.CHROMA)[track].length);
        }
        double[] combined = summaries.features(List.of(Representation.CHROMA, Representation.LOGMEL))[2];
        assertEquals(10, combined.length);
        assertArrayEquals(summaries.summaries().get(Representation.CHROMA)[2], Arrays.copyOf(combined, 4));
    }

    @Test
    void aDatasetItCannotUseIsRefusedWithTheReason() throws IOException {
        assertTrue(assertThrows(IOException.class, () -> PreparedDataset.open(folder))
                .getMessage().contains("has no dataset.json"));

        DatasetLayout layout = write(PreparedDatasetFixture.tracks(4, 2, 2));
        assertEquals(layout.root() + " was prepared without spectrogram; it has logmel, chroma",
                assertThrows(IOException.class, () -> read(layout, Representation.SPECTROGRAM)).getMessage());

        List<String> lines = Files.readAllLines(layout.snippets());
        Files.write(layout.snippets(), lines.subList(0, lines.size() - 1));
        assertTrue(assertThrows(IOException.class, () -> read(layout, Representation.LOGMEL)).getMessage()
                .contains("lists 15 snippets but the shards of dataset.json hold 16 rows"));
    }

    private static TrackSummaries read(DatasetLayout layout, Representation representation) throws IOException {
        return TrackSummaryReader.read(PreparedDataset.open(layout.root()), List.of(representation), r -> { });
    }
}
