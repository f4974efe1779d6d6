package io.genreflow.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.dataset.DatasetLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {

    @TempDir
    Path folder;

    private DatasetLayout dataset;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * 30 tracks of two labels in 3 folds: a logmel column sits 4 dB higher for label 1; chroma and
     * waveform are noise.
     */
    @BeforeEach
    void writeDataset() throws IOException {
        Map<Representation, Integer> widths = new LinkedHashMap<>();
        widths.put(Representation.LOGMEL, 3);
        widths.put(Representation.CHROMA, 2);
        widths.put(Representation.WAVEFORM, 2);
        List<PreparedDatasetFixture.Track> tracks = PreparedDatasetFixture.tracks(30, 2, 3);
        dataset = PreparedDatasetFixture.write(folder.resolve("data"), List.of("quiet", "loud"), tracks, 3, widths,
                (representation, track, augmented, snippet) -> {
                    Random random = new Random(track * 1000L + snippet * 10L + representation.ordinal());
                    float[][] frames = new float[PreparedDatasetFixture.FRAMES][widths.get(representation)];
                    for (float[] frame : frames) {
                        for (int j = 0; j < frame.length; j++) {
                            frame[j] = (float) random.nextGaussian();
                        }
                        if (representation == Representation.LOGMEL) {
                            frame[1] += 4 * tracks.get(track).label();
                        }
                    }
                    return frames;
                });
    }

    private int run(String... words) throws Exception {
        BaselineCommand command = new BaselineCommand();
        return command.run(Arguments.parse(List.of(words), command.options()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheReportAsJsonAndMarkdownAndPrintsTheMarkdown() throws Exception {
        Path output = folder.resolve("report");

        assertEquals(0, run("--dataset", dataset.root().toString(), "--output", output.toString()));

        String markdown = Files.readString(output.resolve(BaselineCommand.MARKDOWN_FILE));
        assertEquals(markdown, out.toString(StandardCharsets.UTF_8));
        assertTrue(markdown.contains("| logmel + chroma | 10 | "), markdown);
        assertTrue(markdown.contains("## logmel by fold"), markdown);
        JsonNode report = Json.mapper().readTree(output.resolve(BaselineCommand.JSON_FILE).toFile());
        assertEquals("[\"quiet\",\"loud\"]", report.get("labels").toString());
        assertEquals(30, report.get("tracks").asInt());
        // Waveform is left out unless asked for; logmel and chroma are combined, then each alone.
        assertEquals("[[\"logmel\",\"chroma\"], [\"logmel\"], [\"chroma\"]]",
                report.findValues("representations").toString());
        JsonNode logmel = report.get("featureSets").get(1);
        assertEquals(3, logmel.get("folds").size());
        assertTrue(logmel.get("foldSummary").get("balancedAccuracy").get("mean").asDouble() > 0.9, logmel.toString());
        assertEquals("test", logmel.get("holdout").get("partition").asText());
        assertEquals(2, logmel.get("holdout").get("metrics").get("confusion").size());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("baseline: chroma summarised"));
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() throws Exception {
        run("--dataset", dataset.root().toString(), "--threads", "1", "--representations", "waveform,logmel");
        String oneThread = out.toString(StandardCharsets.UTF_8);
        out.reset();

        run("--dataset", dataset.root().toString(), "--threads", "4", "--representations", "waveform,logmel");

        assertEquals(oneThread, out.toString(StandardCharsets.UTF_8));
        assertTrue(oneThread.contains("| waveform + logmel | 10 | "), oneThread);
    }

    @Test
    void theSplitOptionChoosesWhatIsEvaluated() throws Exception {
        run("--dataset", dataset.root().toString(), "--split", "test", "--representations", "logmel");

        String markdown = out.toString(StandardCharsets.UTF_8);
        assertTrue(markdown.contains("| logmel | 6 | – | – | – | "), markdown);
        assertTrue(!markdown.contains("by fold"), markdown);
    }

    @Test
    void wrongOptionsAndUnusableDatasetsAreExplained() {
        String root = dataset.root().toString();
        assertEquals("--split takes folds, test or both, got 'validation'", assertThrows(UsageException.class,
                () -> run("--dataset", root, "--split", "validation")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> run("--dataset", root, "--representations", "mfcc"))
                .getMessage().startsWith("unknown representation 'mfcc'"));
        assertEquals("the L2 penalty must be a positive number, got -1.0", assertThrows(UsageException.class,
                () -> run("--dataset", root, "--l2", "-1")).getMessage());
        assertTrue(assertThrows(IOException.class, () -> run("--dataset", root, "--representations", "spectrogram"))
                .getMessage().endsWith("was prepared without spectrogram; it has logmel, chroma, waveform"));
        assertTrue(assertThrows(IOException.class, () -> run("--dataset", folder.toString())).getMessage()
                .contains("has no dataset.json"));
    }

    @Test
    void aFoldWithoutTracksIsAFailureThatSaysSo() throws IOException {
        DatasetLayout fourFolds = PreparedDatasetFixture.write(folder.resolve("four"), List.of("a", "b"),
                PreparedDatasetFixture.tracks(12, 2, 3), 4, Map.of(Representation.CHROMA, 2),
                (representation, track, augmented, snippet) -> new float[PreparedDatasetFixture.FRAMES][2]);

        assertEquals("fold 3 of 4 has no tracks: the dataset is too small for its folds (prepare it with fewer --folds)",
                assertThrows(CommandException.class, () -> run("--dataset", fourFolds.root().toString())).getMessage());
    }
}
