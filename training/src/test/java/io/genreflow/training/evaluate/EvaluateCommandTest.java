package io.genreflow.training.evaluate;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.csv.CsvTable;
import io.genreflow.training.models.EnsembleCalibration;
import io.genreflow.training.models.ModelPackager;
import io.genreflow.verdict.Ensemble;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static final List<String> REPRESENTATIONS = List.of("logmel", "spectrogram", "chroma");
    private static final List<String> MODELS = List.of("logmel", "spectrogram", "chroma", "ensemble");

    @TempDir
    static Path work;

    private static Path dataset;
    private static Path manifestJson;
    private static ModelManifest manifest;
    private static Path report;
    private static JsonNode evaluation;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void packageAndEvaluate() throws Exception {
        dataset = TinyModelSet.prepare(work);
        Path runs = work.resolve("runs");
        List<Path> folders = List.of(
                TinyModelSet.run(runs.resolve("logmel"), "logmel-bands.onnx", Representation.LOGMEL, "gru", 0.9, 0.8),
                TinyModelSet.run(runs.resolve("spectrogram"), "spectrogram-bands.onnx", Representation.SPECTROGRAM, "gru", 0.8, 0.7),
                TinyModelSet.run(runs.resolve("chroma"), "chroma-random.onnx", Representation.CHROMA, "crnn", 0.4, 0.4));
        Path models = work.resolve("models");
        ModelPackager.run(new ModelPackager.Settings(dataset, folders, models, "tiny-eval", null, 1.0,
                EnsembleCalibration.Request.SELECTIVE_ACTIVATION, 1), new PrintStream(OutputStream.nullOutputStream()));
        manifestJson = models.resolve("manifest.json");
        manifest = ModelManifest.load(manifestJson);
        report = work.resolve("report");
        new EvaluateCommandTest().evaluate("--split", "test", "--output", report.toString());
        evaluation = Json.mapper().readTree(report.resolve("evaluation.json").toFile());
    }

    private int evaluate(String... more) throws Exception {
        List<String> words = new ArrayList<>(List.of("--models", manifestJson.toString(), "--dataset", dataset.toString(),
                "--bootstrap", "300", "--threads", "1"));
        words.addAll(List.of(more));
        return run(new EvaluateCommand(), words);
    }

    private int run(Command command, List<String> words) throws Exception {
        return command.run(Arguments.parse(words, command.options()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void metricsAreThoseOfTheServingMathsAppliedToTheTestTracks() throws Exception {
        DirectScores direct = DirectScores.of(dataset, manifestJson, "split", "test", "none");
        JsonNode original = evaluation.get("variants").get("none");
        int[] truth = direct.labels();
        assertEquals(truth.length, original.get("tracks").asInt());
        assertTrue(truth.length >= 6, "a few test tracks of each label");

        for (String id : REPRESENTATIONS) {
            int[][] trackConfusion = new int[3][3];
            int[][] snippetConfusion = new int[3][3];
            direct.trackScores(id).forEach((track, score) -> trackConfusion[direct.truth().get(track)][argmax(score)]++);
            direct.snippets().get(id).forEach((track, rows) -> {
                for (float[] row : rows) {
                    snippetConfusion[direct.truth().get(track)][argmax(toDoubles(row))]++;
                }
            });
            JsonNode scores = original.get("representations").get(id);
            assertConfusion(trackConfusion, scores.get("track"), id + " tracks");
            assertConfusion(snippetConfusion, scores.get("snippet"), id + " snippets");
        }
        assertConfusion(ensembleConfusion(direct), original.get("ensemble").get("track"), "ensemble tracks");
        JsonNode logmel = original.get("representations").get("logmel").get("track");
        assertTrue(logmel.get("balancedAccuracy").asDouble() > 0.5, "the hand-made model tells the labels apart");
    }

    @Test
    void robustnessIsMeasuredOnTheSpedUpRowsOfTheSameTracks() throws Exception {
        assertEquals(List.of("none", "speed-1.1", "speed-1.25"), fieldNames(evaluation.get("variants")));
        DirectScores fast = DirectScores.of(dataset, manifestJson, "split", "test", "speed-1.25");
        JsonNode variant = evaluation.get("variants").get("speed-1.25");
        int snippets = fast.silent().values().stream().mapToInt(flags -> flags.length).sum();
        assertEquals(snippets, variant.get("snippets").asInt());
        assertNotEquals(evaluation.get("variants").get("none").get("snippets").asInt(), snippets,
                "sped-up tracks are shorter, so they have other snippets");
        assertConfusion(ensembleConfusion(fast), variant.get("ensemble").get("track"), "sped-up ensemble");

        JsonNode drops = evaluation.get("robustness").get("speed-1.25");
        for (String model : MODELS) {
            JsonNode originalScores = scores(evaluation.get("variants").get("none"), model);
            JsonNode fastScores = scores(variant, model);
            assertEquals(originalScores.get("track").get("accuracy").asDouble() - fastScores.get("track").get("accuracy").asDouble(),
                    drops.get(model).get("trackAccuracy").asDouble(), 1e-12, model);
            assertEquals(originalScores.get("snippet").get("accuracy").asDouble()
                    - fastScores.get("snippet").get("accuracy").asDouble(), drops.get(model).get("snippetAccuracy").asDouble(),
                    1e-12, model);
        }
    }

    @Test
    void confidenceIntervalsSurroundTheTrackFigures() {
        for (String model : MODELS) {
            JsonNode scores = scores(evaluation.get("variants").get("none"), model);
            JsonNode interval = scores.get("trackIntervals").get("balancedAccuracy");
            double lower = interval.get("lower").asDouble();
            double upper = interval.get("upper").asDouble();
            assertTrue(0 <= lower && lower <= upper && upper <= 1, model + " " + interval);
            double value = scores.get("track").get("balancedAccuracy").asDouble();
            assertTrue(lower <= value + 0.1 && value - 0.1 <= upper, model + ": " + value + " far outside " + interval);
        }
        assertEquals(300, evaluation.get("bootstrap").get("resamples").asInt());
    }

    @Test
    void drawsOneConfusionMatrixPerModelShadedByRowShare() throws Exception {
        for (String model : MODELS) {
            BufferedImage image = ImageIO.read(report.resolve("confusion-" + model + ".png").toFile());
            assertEquals(ConfusionMatrixImage.LEFT + 3 * ConfusionMatrixImage.CELL + ConfusionMatrixImage.MARGIN,
                    image.getWidth(), model);
            assertEquals(ConfusionMatrixImage.TOP + 3 * ConfusionMatrixImage.CELL + ConfusionMatrixImage.MARGIN,
                    image.getHeight(), model);
            JsonNode confusion = scores(evaluation.get("variants").get("none"), model).get("track").get("confusion");
            for (int row = 0; row < 3; row++) {
                int total = 0;
                for (JsonNode count : confusion.get(row)) {
                    total += count.asInt();
                }
                for (int column = 0; column < 3; column++) {
                    // A cell's corner holds no text: it shows the cell's shade alone.
                    int rgb = image.getRGB(ConfusionMatrixImage.LEFT + column * ConfusionMatrixImage.CELL + 3,
                            ConfusionMatrixImage.TOP + row * ConfusionMatrixImage.CELL + 3);
                    double share = total == 0 ? 0 : confusion.get(row).get(column).asDouble() / total;
                    assertEquals(ConfusionMatrixImage.shade(share).getRGB(), rgb, model + " cell " + row + "," + column);
                }
            }
        }
    }

    @Test
    void theReportNamesTheSplitTheClassesEveryModelAndTheRobustness() throws Exception {
        String markdown = Files.readString(report.resolve("evaluation.md"));
        assertTrue(markdown.contains("split test"), markdown);
        assertTrue(markdown.contains("## Class counts"));
        for (String label : TinyModelSet.LABELS) {
            assertTrue(markdown.contains("| " + label + " | " + evaluation.get("classCounts").get(label).asInt() + " |"), label);
        }
        for (String model : MODELS) {
            assertTrue(markdown.contains("](confusion-" + model + ".png)"), model);
            assertTrue(markdown.contains("## " + model + ": per class"), model);
        }
        assertTrue(markdown.contains("## Divide & conquer"));
        assertTrue(markdown.contains("| speed-1.1 | speed-1.25 |") || markdown.contains("speed-1.1 | speed-1.25"), markdown);
        assertTrue(markdown.contains("one every 0.5 s as prepared; serving cuts one every 1.0 s"), markdown);
    }

    @Test
    void evaluatesTheTracksOfOneFold() throws Exception {
        Path foldReport = work.resolve("fold-1");
        assertEquals(0, evaluate("--fold", "1", "--output", foldReport.toString(), "--robustness", "none"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("report: " + foldReport.toAbsolutePath()), out.toString());
        JsonNode fold = Json.mapper().readTree(foldReport.resolve("evaluation.json").toFile());
        CsvTable tracks = CsvTable.read(dataset.resolve("tracks.csv"));
        long inFold = tracks.rows().stream().filter(row -> row.get(6).equals("1")).count();
        assertEquals(inFold, fold.get("variants").get("none").get("tracks").asLong());
        assertEquals(1, fold.get("selection").get("fold").asInt());
        assertEquals(List.of("none"), fieldNames(fold.get("variants")));
    }

    @Test
    void cvSummaryGivesTheMeanAndSampleStandardDeviationOfEachFold() throws Exception {
        List<String> files = new ArrayList<>();
        for (int fold = 0; fold < 3; fold++) {
            Path folder = work.resolve("cv-" + fold);
            evaluate("--fold", Integer.toString(fold), "--output", folder.toString(), "--robustness", "none");
            files.add(folder.toString());
        }
        Path summary = work.resolve("cv");
        assertEquals(0, run(new CvSummaryCommand(), List.of("--evaluations", String.join(",", files), "--output",
                summary.toString())));
        JsonNode written = Json.mapper().readTree(summary.resolve("cv-summary.json").toFile());
        for (String model : MODELS) {
            double[] values = new double[3];
            for (int fold = 0; fold < 3; fold++) {
                JsonNode folded = Json.mapper().readTree(Path.of(files.get(fold), "evaluation.json").toFile());
                values[fold] = scores(folded.get("variants").get("none"), model).get("track").get("balancedAccuracy").asDouble();
            }
            double mean = (values[0] + values[1] + values[2]) / 3;
            double std = Math.sqrt((Math.pow(values[0] - mean, 2) + Math.pow(values[1] - mean, 2)
                    + Math.pow(values[2] - mean, 2)) / 2);
            JsonNode spread = written.get("models").get(model).get("trackBalancedAccuracy");
            assertEquals(mean, spread.get("mean").asDouble(), 1e-12, model);
            assertEquals(std, spread.get("std").asDouble(), 1e-12, model);
        }
        assertEquals(List.of("fold 0", "fold 1", "fold 2"), List.of(written.get("selections").get(0).asText(),
                written.get("selections").get(1).asText(), written.get("selections").get(2).asText()));
        assertTrue(Files.readString(summary.resolve("cv-summary.md")).contains("| ensemble |"));

        CommandException twice = assertThrows(CommandException.class, () -> run(new CvSummaryCommand(),
                List.of("--evaluations", files.get(0) + "," + files.get(0), "--output", summary.toString())));
        assertTrue(twice.getMessage().contains("evaluates fold 0 again"), twice.getMessage());
    }

    @Test
    void refusesContradictoryOrUnusableInput() throws Exception {
        UsageException both = assertThrows(UsageException.class, () -> evaluate("--split", "test", "--fold", "1"));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        UsageException split = assertThrows(UsageException.class, () -> evaluate("--split", "holdout"));
        assertTrue(split.getMessage().contains("unknown split 'holdout'"), split.getMessage());
        CommandException empty = assertThrows(CommandException.class, () -> evaluate("--fold", "9"));
        assertTrue(empty.getMessage().contains("has no tracks in fold 9"), empty.getMessage());
        java.io.IOException notPrepared = assertThrows(java.io.IOException.class, () -> run(new EvaluateCommand(),
                List.of("--models", manifestJson.toString(), "--dataset", work.resolve("runs").toString())));
        assertTrue(notPrepared.getMessage().contains("is not a prepared dataset"), notPrepared.getMessage());
    }

    private static int[][] ensembleConfusion(DirectScores direct) {
        int[][] confusion = new int[3][3];
        for (int track : direct.truth().keySet()) {
            Map<String, double[]> scores = new LinkedHashMap<>();
            REPRESENTATIONS.forEach(id -> scores.put(id, direct.trackScores(id).get(track)));
            double[] combined = Ensemble.combine(manifest.ensemble(), scores, REPRESENTATIONS).probabilities();
            confusion[direct.truth().get(track)][argmax(combined)]++;
        }
        return confusion;
    }

    /** The confusion matches and the headline figures are what it implies. */
    private static void assertConfusion(int[][] expected, JsonNode metrics, String what) {
        int total = 0;
        int hits = 0;
        double recallSum = 0;
        int present = 0;
        for (int t = 0; t < 3; t++) {
            int[] row = new int[3];
            for (int p = 0; p < 3; p++) {
                row[p] = metrics.get("confusion").get(t).get(p).asInt();
            }
            assertArrayEquals(expected[t], row, what + " row " + t);
            int support = expected[t][0] + expected[t][1] + expected[t][2];
            total += support;
            hits += expected[t][t];
            if (support > 0) {
                recallSum += (double) expected[t][t] / support;
                present++;
            }
        }
        assertEquals(total, metrics.get("count").asInt(), what);
        assertEquals((double) hits / total, metrics.get("accuracy").asDouble(), 1e-12, what);
        assertEquals(recallSum / present, metrics.get("balancedAccuracy").asDouble(), 1e-12, what);
    }

    private static JsonNode scores(JsonNode variant, String model) {
        return model.equals("ensemble") ? variant.get("ensemble") : variant.get("representations").get(model);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double[] toDoubles(float[] row) {
        double[] values = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            values[c] = row[c];
        }
        return values;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
