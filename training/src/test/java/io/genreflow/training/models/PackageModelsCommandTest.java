package io.genreflow.training.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.manifest.RepresentationModel;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.evaluate.DirectScores;
import io.genreflow.training.evaluate.TinyModelSet;
import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.training.ensemble.ReliabilityFit;
import io.genreflow.training.ensemble.StackingFit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageModelsCommandTest {

    @TempDir
    static Path work;

    private static Path dataset;
    private static List<Path> runs;
    private static Path models;
    private static DirectScores validation;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void prepareTrainAndPackage() throws Exception {
        dataset = TinyModelSet.prepare(work);
        Path runFolder = work.resolve("runs");
        // Named in an order that is not the ranking, so the ranking cannot come from the order.
        runs = List.of(
                TinyModelSet.run(runFolder.resolve("logmel-lstm"), "logmel-random.onnx", Representation.LOGMEL, "lstm", 0.8, 0.55),
                TinyModelSet.run(runFolder.resolve("logmel-crnn"), "logmel-random.onnx", Representation.LOGMEL, "crnn", 0.6, 0.7),
                TinyModelSet.run(runFolder.resolve("logmel-gru"), "logmel-bands.onnx", Representation.LOGMEL, "gru", 0.8, 0.6),
                TinyModelSet.run(runFolder.resolve("spectrogram-gru"), "spectrogram-bands.onnx", Representation.SPECTROGRAM, "gru", 0.7, 0.6),
                TinyModelSet.run(runFolder.resolve("chroma-crnn"), "chroma-random.onnx", Representation.CHROMA, "crnn", 0.4, 0.3));
        models = work.resolve("models");
        new PackageModelsCommandTest().packageInto(models, "--model-version", "tiny-1");
        validation = DirectScores.of(dataset, models.resolve("manifest.json"), "split", "validation", "none");
    }

    private int packageInto(Path output, String... more) throws Exception {
        List<String> words = new ArrayList<>(List.of("--dataset", dataset.toString(), "--runs",
                String.join(",", runs.stream().map(Path::toString).toList()), "--output", output.toString(),
                "--threads", "1"));
        words.addAll(List.of(more));
        PackageModelsCommand command = new PackageModelsCommand();
        return command.run(Arguments.parse(words, command.options()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void picksTheRunWithTheBestTrackBalancedAccuracyThenSnippetBalancedAccuracy() throws Exception {
        ModelManifest manifest = ModelManifest.load(models.resolve("manifest.json"));
        assertEquals(List.of("logmel", "spectrogram", "chroma"), List.copyOf(manifest.representations().keySet()));
        assertEquals("gru", manifest.representations().get("logmel").architecture());
        assertEquals(-1L, Files.mismatch(TinyModelSet.model("logmel-bands.onnx"), models.resolve("logmel.onnx")));
        assertEquals(-1L, Files.mismatch(TinyModelSet.model("chroma-random.onnx"), models.resolve("chroma.onnx")));

        JsonNode selection = Json.mapper().readTree(models.resolve("manifest.json").toFile()).get("selection");
        JsonNode logmel = selection.get("logmel");
        assertEquals(runs.get(2).toString(), logmel.get("chosen").get("run").asText());
        assertEquals(List.of("lstm", "crnn"), List.of(logmel.get("alternatives").get(0).get("architecture").asText(),
                logmel.get("alternatives").get(1).get("architecture").asText()));
        assertEquals(0.55, logmel.get("alternatives").get(0).get("snippetBalancedAccuracy").asDouble());
        assertTrue(logmel.get("reason").asText().startsWith("gru had the best validation track balanced accuracy"),
                logmel.get("reason").asText());
        assertTrue(selection.get("chroma").get("reason").asText().endsWith("was the only run"));
    }

    @Test
    void writesAManifestServingLoadsWithTheModelsChecksumsAndTheServingHop() throws Exception {
        ModelManifest manifest = ModelManifest.load(models.resolve("manifest.json"));
        assertEquals("tiny-1", manifest.modelVersion());
        assertEquals(TinyModelSet.LABELS, manifest.labels());
        assertEquals(TinyModelSet.FEATURES, manifest.features());
        assertEquals(8000, manifest.sampleRate());
        assertEquals(1.0, manifest.snippets().snippetSeconds());
        assertEquals(1.0, manifest.snippets().hopSeconds(), "serving hop, whatever the dataset's 0.5 s");
        assertEquals(-60.0, manifest.snippets().silenceThresholdDbfs());
        for (Map.Entry<String, RepresentationModel> entry : manifest.representations().entrySet()) {
            RepresentationModel model = entry.getValue();
            assertEquals(entry.getKey() + ".onnx", model.file());
            assertEquals(TinyModelSet.sha256(Files.readAllBytes(models.resolve(model.file()))), model.sha256());
            assertEquals(TinyModelSet.normalisation(Representation.fromId(entry.getKey())), model.normalisation());
            assertEquals(-1L, model.inputShape().getFirst());
            try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(models.resolve("manifest.json"),
                    Representation.fromId(entry.getKey()), OnnxSnippetClassifier.Options.defaults())) {
                assertEquals(entry.getKey(), classifier.representation().id());
            }
        }
        assertEquals(0.8, manifest.representations().get("logmel").validationMetrics().get("trackBalancedAccuracy"));
        assertEquals(0.75, manifest.representations().get("logmel").validationMetrics().get("trackMacroF1"), 1e-12);

        JsonNode dataset = Json.mapper().readTree(PackageModelsCommandTest.dataset.resolve("dataset.json").toFile());
        Map<String, Integer> splitCounts = Json.mapper().convertValue(dataset.get("splits").get("trackCounts"),
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertEquals(splitCounts, manifest.trainingData().trackCounts());
        assertEquals("dataset", manifest.trainingData().dataset());
        assertTrue(manifest.trainingData().split().contains("seed 7"), manifest.trainingData().split());
        JsonNode labelCounts = Json.mapper().readTree(models.resolve("manifest.json").toFile())
                .get("trainingData").get("labelCounts");
        for (String split : splitCounts.keySet()) {
            int total = 0;
            for (String label : TinyModelSet.LABELS) {
                total += labelCounts.get(split).get(label).asInt();
            }
            assertEquals(splitCounts.get(split), total, split);
        }
        assertFalse(Files.exists(models.resolve(ModelPackager.STAGING)), "the staging folder is cleared away");
    }

    @Test
    void calibratesOnValidationTrackScoresComputedAsServingDoes() throws Exception {
        Calibration calibration = Json.mapper().readValue(models.resolve("calibration.json").toFile(), Calibration.class);
        Map<String, double[][]> scores = validationTrackScores();
        int[] labels = validation.labels();
        ReliabilityFit expected = ReliabilityFit.fit(scores, labels, 3);

        assertEquals(labels.length, calibration.validationTracks());
        assertEquals(expected.balancedAccuracy(), calibration.reliability().balancedAccuracy());
        assertEquals(expected.chanceThreshold(), calibration.reliability().chanceThreshold());
        expected.precision().forEach((id, precision) ->
                assertArrayEquals(precision, calibration.reliability().precision().get(id), id));
        assertEquals(expected.switchedOn(), calibration.switchedOn());
        assertTrue(expected.switchedOn().contains("logmel"), "the hand-made logmel model beats chance");
        assertEquals(expected.balancedAccuracy().get("logmel"),
                calibration.representations().get("logmel").balancedAccuracy());
    }

    @Test
    void eachForcedStrategyShipsTheFitOfAllValidationTracks() throws Exception {
        Map<String, double[][]> scores = validationTrackScores();
        int[] labels = validation.labels();
        ReliabilityFit reliability = ReliabilityFit.fit(scores, labels, 3);

        Path selective = work.resolve("selective");
        assertEquals(0, packageInto(selective, "--strategy", "selective-activation"));
        assertEquals(reliability.spec(), ModelManifest.load(selective.resolve("manifest.json")).ensemble());

        Path stacking = work.resolve("stacking");
        assertEquals(0, packageInto(stacking, "--strategy", "stacking"));
        EnsembleSpec shipped = ModelManifest.load(stacking.resolve("manifest.json")).ensemble();
        EnsembleSpec.StackingSpec expected = StackingFit.fit(scores, List.of("logmel", "spectrogram", "chroma"), labels,
                3, StackingFit.DEFAULT_L2);
        assertEquals(EnsembleSpec.Strategy.STACKING, shipped.strategy());
        assertEquals(expected.inputs(), shipped.stacking().inputs());
        assertArrayEquals(expected.bias(), shipped.stacking().bias(), 1e-9);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(expected.weights()[c], shipped.stacking().weights()[c], 1e-9);
        }
        assertEquals(reliability.reliability().keySet(), shipped.reliability().keySet(), "the fallback weights");

        Path mean = work.resolve("mean");
        assertEquals(0, packageInto(mean, "--strategy", "mean"));
        assertEquals(EnsembleSpec.mean(), ModelManifest.load(mean.resolve("manifest.json")).ensemble());
        assertTrue(ModelManifest.load(mean.resolve("manifest.json")).modelVersion().matches("genreflow-[0-9a-f]{12}"),
                "named by its content without --model-version");
    }

    @Test
    void autoShipsTheStrategyWithTheBestLeaveOneOutScoresAndRecordsTheComparison() throws Exception {
        Calibration calibration = Json.mapper().readValue(models.resolve("calibration.json").toFile(), Calibration.class);
        assertEquals("auto", calibration.requested());
        Calibration.StrategyScores chosen = calibration.strategies().get(calibration.chosen());
        assertTrue(chosen.available());
        calibration.strategies().forEach((strategy, scores) -> {
            if (scores.available()) {
                assertTrue(scores.leaveOneOut().balancedAccuracy() <= chosen.leaveOneOut().balancedAccuracy(),
                        strategy + " beats the chosen " + calibration.chosen());
            }
        });
        assertEquals(calibration.spec(), ModelManifest.load(models.resolve("manifest.json")).ensemble());

        // The mean needs no fitting, so leaving a track out changes nothing: its leave-one-out answer
        // is the argmax of the representations' mean score.
        Map<String, double[][]> scores = validationTrackScores();
        int[] labels = validation.labels();
        int correct = 0;
        for (int t = 0; t < labels.length; t++) {
            double[] mean = new double[3];
            for (double[][] rows : scores.values()) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += rows[t][c] / scores.size();
                }
            }
            int best = mean[0] >= mean[1] && mean[0] >= mean[2] ? 0 : mean[1] >= mean[2] ? 1 : 2;
            correct += best == labels[t] ? 1 : 0;
        }
        assertEquals((double) correct / labels.length,
                calibration.strategies().get(EnsembleSpec.Strategy.MEAN).leaveOneOut().accuracy(), 1e-12);

        JsonNode recorded = Json.mapper().readTree(models.resolve("manifest.json").toFile()).get("calibration");
        assertEquals(calibration.chosen().name(), recorded.get("strategy").asText());
        assertEquals(calibration.reason(), recorded.get("reason").asText());
    }

    @Test
    void refusesRunsThatDoNotFitTheDatasetOrAreUnfinished() throws Exception {
        Path unfinished = Files.createDirectories(work.resolve("unfinished"));
        Files.writeString(unfinished.resolve("train.log"), "epoch 1");
        CommandException notARun = assertThrows(CommandException.class, () -> packageWith(unfinished));
        assertTrue(notARun.getMessage().contains("is not a finished training run"), notARun.getMessage());

        Path otherLabels = TinyModelSet.run(work.resolve("other-labels"), "chroma-random.onnx", Representation.CHROMA,
                "gru", 0.5, 0.5);
        JsonNode metrics = Json.mapper().readTree(otherLabels.resolve("metrics.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) metrics).set("labels",
                Json.mapper().valueToTree(List.of("bass", "tone", "hiss")));
        Files.writeString(otherLabels.resolve("metrics.json"), metrics.toString());
        CommandException wrongLabels = assertThrows(CommandException.class, () -> packageWith(otherLabels));
        assertTrue(wrongLabels.getMessage().contains("scores the labels [bass, tone, hiss]"), wrongLabels.getMessage());

        Path changed = TinyModelSet.run(work.resolve("changed"), "chroma-random.onnx", Representation.CHROMA, "gru", 0.5, 0.5);
        Files.copy(TinyModelSet.model("logmel-random.onnx"), changed.resolve("model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CommandException stale = assertThrows(CommandException.class, () -> packageWith(changed));
        assertTrue(stale.getMessage().contains("the run is still exporting or was changed"), stale.getMessage());

        UsageException strategy = assertThrows(UsageException.class,
                () -> packageInto(work.resolve("never"), "--strategy", "median"));
        assertTrue(strategy.getMessage().contains("unknown strategy 'median'"), strategy.getMessage());
    }

    @Test
    void aFailedPackagingLeavesTheModelSetThatWasThereAlone() throws Exception {
        Path kept = work.resolve("kept");
        assertEquals(0, packageInto(kept, "--strategy", "mean"));
        byte[] manifest = Files.readAllBytes(kept.resolve("manifest.json"));
        byte[] logmel = Files.readAllBytes(kept.resolve("logmel.onnx"));

        // Alone, the random logmel model does not beat chance, so selective activation has nothing to weigh.
        Path randomOnly = TinyModelSet.run(work.resolve("random-only"), "logmel-random.onnx", Representation.LOGMEL,
                "gru", 0.9, 0.9);
        PackageModelsCommand command = new PackageModelsCommand();
        CommandException failed = assertThrows(CommandException.class, () -> command.run(Arguments.parse(List.of(
                "--dataset", dataset.toString(), "--runs", randomOnly.toString(), "--output", kept.toString(),
                "--strategy", "selective-activation"), command.options()), new PrintStream(out), new PrintStream(err)));
        assertTrue(failed.getMessage().contains("no representation beats chance"), failed.getMessage());

        assertArrayEquals(manifest, Files.readAllBytes(kept.resolve("manifest.json")));
        assertArrayEquals(logmel, Files.readAllBytes(kept.resolve("logmel.onnx")), "not replaced by the random model");
        assertFalse(Files.exists(kept.resolve(ModelPackager.STAGING)));
        ModelManifest.load(kept.resolve("manifest.json"));
    }

    private int packageWith(Path run) throws Exception {
        PackageModelsCommand command = new PackageModelsCommand();
        return command.run(Arguments.parse(List.of("--dataset", dataset.toString(), "--runs", run.toString(),
                "--output", work.resolve("refused").toString()), command.options()), new PrintStream(out), new PrintStream(err));
    }

    private static Map<String, double[][]> validationTrackScores() {
        Map<String, double[][]> scores = new LinkedHashMap<>();
        for (String id : List.of("logmel", "spectrogram", "chroma")) {
            scores.put(id, validation.trackScores(id).values().toArray(double[][]::new));
        }
        return scores;
    }
}
