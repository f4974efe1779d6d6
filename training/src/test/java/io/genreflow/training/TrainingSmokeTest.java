package io.genreflow.training;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.Normalisation;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.manifest.ModelOutput;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.manifest.RepresentationModel;
import io.genreflow.manifest.TrainingData;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.csv.CsvTable;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.npy.NpyReader;
import io.genreflow.manifest.EnsembleSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training tools end to end on audio the test makes: {@code genreflow prepare} turns synthetic
 * labelled WAVs into a dataset; the Python trainer trains every architecture on two representations
 * for two steps and exports each to ONNX; ONNX Runtime Java must give PyTorch's logits on the
 * trainer's parity inputs; {@code genreflow classify} classifies the audio with the trained models,
 * and {@code genreflow baseline} evaluates the classical baseline on the dataset's folds.
 *
 * <p>Needs {@value #PYTHON} with torch, onnx and numpy. Without them the test fails, it does not
 * skip: CI installs them ({@code .ci/run}), and a green build must mean the trainer was exercised.
 */
class TrainingSmokeTest {

    private static final String PYTHON = "/usr/bin/python3";

    /**
     * ONNX Runtime and PyTorch run the same float32 graph with different kernels; their logits
     * agree to within 5e-7 here, so 1e-4 leaves room for summation order on other machines while
     * catching any real difference in the exported graph.
     */
    private static final double PARITY_TOLERANCE = 1e-4;

    /**
     * How far classify's track scores may be from the same model's scores on the prepared snippets
     * of the same file. The pipeline computes the features in float32, the dataset stores them in
     * float16; through these barely trained models that moves probabilities by up to ~5e-6, while
     * a wrong input (e.g. features left unnormalised) moves them by ~0.3.
     */
    private static final double SERVING_TOLERANCE = 1e-3;

    private static final long TRAINING_TIMEOUT_MINUTES = 5;
    private static final List<String> LABELS = List.of("chirp", "drone", "hiss");
    private static final int TRACKS_PER_LABEL = 4;

    /**
     * Each architecture on two representations, listed so that the first run of each representation,
     * the one the classify step uses, covers all three architectures.
     */
    private static final List<Run> RUNS = List.of(new Run("crnn", Representation.LOGMEL),
            new Run("lstm", Representation.CHROMA), new Run("gru", Representation.WAVEFORM),
            new Run("lstm", Representation.SPECTROGRAM), new Run("gru", Representation.LOGMEL),
            new Run("crnn", Representation.SPECTROGRAM));

    /** The Debian packages the tests need, one per line; CI installs them (.ci/run). */
    private static final String APT_PACKAGES = ".ci/apt-packages";

    @TempDir
    static Path work;

    private static Path audio;
    private static DatasetLayout dataset;

    /** One training run: an architecture on a representation, and the folder the trainer wrote. */
    private record Run(String arch, Representation representation) {

        Path folder() {
            return work.resolve("runs").resolve(representation.id() + "-" + arch);
        }

        JsonNode metrics() throws IOException {
            return Json.mapper().readTree(folder().resolve("metrics.json").toFile());
        }
    }

    @BeforeAll
    static void prepareAndTrain() throws Exception {
        requirePython();
        audio = writeAudio(work.resolve("audio"));
        dataset = new DatasetLayout(work.resolve("dataset"));
        Output prepare = cli("prepare", "--input", audio.toString(), "--output", dataset.root().toString(),
                "--augment", "gain", "--validation-fraction", "0.25", "--test-fraction", "0.25", "--folds", "2",
                "--threads", "2");
        assertEquals(0, prepare.status(), prepare.toString());
        for (Run run : RUNS) {
            train(run);
        }
    }

    @Test
    void everyArchitectureTrainedTwoStepsOnTheDatasetsShapesAndExported() throws IOException {
        DatasetDescription description = description();
        List<Executable> checks = new ArrayList<>();
        for (Run run : RUNS) {
            JsonNode metrics = run.metrics();
            checks.add(() -> {
                assertEquals(2, metrics.get("steps").asInt(), run + " steps");
                assertEquals(run.arch(), metrics.get("architecture").asText());
                assertEquals(LABELS, strings(metrics.get("labels")), run + " labels");
                assertEquals(description.representations().get(run.representation().id()).shape(),
                        List.of(metrics.get("inputShape").get(0).asInt(), metrics.get("inputShape").get(1).asInt()),
                        run + " input shape");
                assertEquals("logits", metrics.get("output").asText());
                assertTrue(Files.size(run.folder().resolve("model.onnx")) > 0, run + " model.onnx");
            });
        }
        assertAll(checks);
    }

    @Test
    void onnxRuntimeJavaGivesPyTorchsLogitsOnTheParityInputs() throws Exception {
        List<String> differences = new ArrayList<>();
        List<Executable> checks = new ArrayList<>();
        for (Run run : RUNS) {
            double difference = parityDifference(run.folder());
            differences.add(run.representation().id() + "-" + run.arch() + " " + difference);
            checks.add(() -> assertTrue(difference <= PARITY_TOLERANCE,
                    run + ": ONNX Runtime's logits differ from PyTorch's by up to " + difference));
        }
        assertAll("largest logit differences: " + differences, checks);
    }

    @Test
    void classifyScoresTheAudioWithTheTrainedModelsAsTheyScoreThePreparedSnippets() throws Exception {
        Path manifest = packageModelsByHand(work.resolve("models"));

        Output classify = cli("classify", "--models", manifest.toString(), "--threads", "2", audio.toString());

        assertEquals(0, classify.status(), classify.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : classify.out().split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        assertEquals(LABELS.size() * TRACKS_PER_LABEL, lines.size());
        Map<String, Map<Representation, double[]>> expected = expectedTrackScores(manifest);
        double largest = 0;
        String where = "";
        for (JsonNode line : lines) {
            String file = audio.relativize(Path.of(line.get("path").asText())).toString();
            assertTrue(LABELS.contains(line.get("genre").asText()), line.toString());
            assertFalse(line.get("degraded").asBoolean(), line.toString());
            assertEquals("smoke-test", line.get("modelVersion").asText());
            for (Representation representation : Representation.values()) {
                JsonNode scores = line.get("scores").get(representation.id());
                double[] wanted = expected.get(file).get(representation);
                for (int c = 0; c < LABELS.size(); c++) {
                    double difference = Math.abs(wanted[c] - scores.get(LABELS.get(c)).asDouble());
                    if (difference > largest) {
                        largest = difference;
                        where = file + ", " + representation.id() + ", " + LABELS.get(c);
                    }
                }
            }
        }
        assertTrue(largest <= SERVING_TOLERANCE, "classify's track scores differ from the model's scores on the prepared"
                + " snippets by up to " + largest + " (" + where + ")");
    }

    @Test
    void theBaselineIsEvaluatedOnTheSameFoldsAndSplit() throws Exception {
        Path report = work.resolve("baseline");

        Output baseline = cli("baseline", "--dataset", dataset.root().toString(), "--output", report.toString(),
                "--threads", "2");

        assertEquals(0, baseline.status(), baseline.toString());
        JsonNode json = Json.mapper().readTree(report.resolve("baseline.json").toFile());
        JsonNode combined = json.get("featureSets").get(0);
        assertEquals(List.of("logmel", "spectrogram", "chroma"), strings(combined.get("representations")));
        assertEquals(2, combined.get("folds").size());
        assertEquals(LABELS.size(), combined.get("holdout").get("testTracks").asInt());
    }

    /**
     * The model set classify uses: every representation's first run in {@link #RUNS}, copied beside
     * a manifest.json written from the runs' metrics.json. This stands in for {@code genreflow
     * package-models}, written in parallel on another branch; once it is merged, the body becomes
     * {@code cli("package-models", "--dataset", dataset, "--runs", <every run folder, comma-separated>,
     * "--output", folder, "--model-version", "smoke-test")} returning {@code folder/manifest.json},
     * and a test of {@code cli("evaluate", "--models", manifest, "--dataset", dataset)} can follow.
     */
    private static Path packageModelsByHand(Path folder) throws Exception {
        Files.createDirectories(folder);
        Map<String, RepresentationModel> models = new LinkedHashMap<>();
        JsonNode anyMetrics = null;
        for (Run run : RUNS) {
            if (models.containsKey(run.representation().id())) {
                continue;
            }
            JsonNode metrics = run.metrics();
            anyMetrics = metrics;
            String file = run.representation().id() + ".onnx";
            Files.copy(run.folder().resolve("model.onnx"), folder.resolve(file));
            JsonNode shape = metrics.get("inputShape");
            models.put(run.representation().id(), new RepresentationModel(file, metrics.get("onnx").get("sha256").asText(),
                    List.of(-1L, shape.get(0).asLong(), shape.get(1).asLong()), run.arch(), ModelOutput.LOGITS,
                    Json.mapper().treeToValue(metrics.get("normalisation"), Normalisation.class),
                    Map.of("trackBalancedAccuracy",
                            metrics.get("validation").get("track").get("balancedAccuracy").asDouble())));
        }
        FeatureParams features = Json.mapper().treeToValue(anyMetrics.get("features"), FeatureParams.class);
        JsonNode snippet = anyMetrics.get("snippet");
        ModelManifest manifest = new ModelManifest(ModelManifest.SCHEMA_VERSION, "smoke-test", LABELS,
                features.sampleRate(), new SnippetParams(snippet.get("lengthSeconds").asDouble(),
                snippet.get("hopSeconds").asDouble(), snippet.get("silenceThresholdDbfs").asDouble()),
                features, models, EnsembleSpec.mean(),
                new TrainingData("smoke-test synthetic audio", description().splits().trackCounts(), "seed 42"));
        Path manifestFile = folder.resolve("manifest.json");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(manifestFile.toFile(), manifest);
        return manifestFile;
    }

    /**
     * Per audio file (relative path) and representation, the mean probability of the manifest's
     * model over the file's prepared original, non-silent snippets: what classify must report.
     */
    private static Map<String, Map<Representation, double[]>> expectedTrackScores(Path manifest) throws Exception {
        CsvTable tracks = CsvTable.read(dataset.tracks());
        CsvTable snippets = CsvTable.read(dataset.snippets());
        String source = dataset.snippets().toString();
        int track = snippets.column("track", source);
        int augmentation = snippets.column("augmentation", source);
        int silent = snippets.column("silent", source);
        ModelManifest models = ModelManifest.read(manifest);
        Map<String, Map<Representation, double[]>> expected = new LinkedHashMap<>();
        for (Representation representation : Representation.values()) {
            Normalisation normalisation = models.model(representation).normalisation();
            try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifest, representation,
                    OnnxSnippetClassifier.Options.defaults())) {
                for (int t = 0; t < tracks.rows().size(); t++) {
                    double[] mean = new double[LABELS.size()];
                    int count = 0;
                    for (int row = 0; row < snippets.rows().size(); row++) {
                        CsvTable.Row snippet = snippets.rows().get(row);
                        if (Integer.parseInt(snippet.get(track)) == t
                                && snippet.get(augmentation).equals(DatasetLayout.ORIGINAL_AUDIO)
                                && snippet.get(silent).equals("false")) {
                            float[][] features = shardRow(representation, row);
                            normalisation.apply(features);
                            float[] probabilities = classifier.classify(new float[][][] {features})[0];
                            for (int c = 0; c < mean.length; c++) {
                                mean[c] += probabilities[c];
                            }
                            count++;
                        }
                    }
                    for (int c = 0; c < mean.length; c++) {
                        mean[c] /= count;
                    }
                    String path = tracks.rows().get(t).get(tracks.column("path", dataset.tracks().toString()));
                    expected.computeIfAbsent(path, file -> new EnumMap<>(Representation.class)).put(representation, mean);
                }
            }
        }
        return expected;
    }

    /** Row {@code row} of a representation, counted over all shards in order. */
    private static float[][] shardRow(Representation representation, long row) throws IOException {
        long first = 0;
        for (DatasetDescription.Shard shard : description().shards()) {
            if (row < first + shard.rows()) {
                try (NpyReader reader = NpyReader.open(dataset.shard(representation, shardNumber(shard)))) {
                    return reader.row(row - first);
                }
            }
            first += shard.rows();
        }
        throw new IllegalArgumentException("no row " + row);
    }

    private static int shardNumber(DatasetDescription.Shard shard) {
        return Integer.parseInt(shard.name().substring(shard.name().lastIndexOf('-') + 1));
    }

    /** The largest absolute difference between ONNX Runtime's logits and the trainer's parity_logits.npy. */
    private static double parityDifference(Path run) throws IOException, OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (NpyReader inputs = NpyReader.open(run.resolve("parity_inputs.npy"));
             NpyReader logits = NpyReader.open(run.resolve("parity_logits.npy"));
             OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = environment.createSession(run.resolve("model.onnx").toString(), options)) {
            long[] shape = inputs.header().shape();
            FloatBuffer batch = FloatBuffer.allocate(Math.toIntExact(inputs.header().elementCount()));
            for (long row = 0; row < inputs.rows(); row++) {
                batch.put(inputs.values(row));
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, batch.flip(), shape);
                 OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
                float[][] actual = (float[][]) result.get(0).getValue();
                assertEquals(logits.rows(), actual.length, run + ": logits per parity input");
                double largest = 0;
                for (int row = 0; row < actual.length; row++) {
                    float[] wanted = logits.values(row);
                    assertEquals(wanted.length, actual[row].length, run + ": labels per logit row");
                    for (int c = 0; c < wanted.length; c++) {
                        largest = Math.max(largest, Math.abs(actual[row][c] - wanted[c]));
                    }
                }
                return largest;
            }
        }
    }

    /** Fails with the install line unless {@value #PYTHON} imports what the trainer needs. */
    private static void requirePython() throws IOException, InterruptedException {
        Path log = work.resolve("python-check.log");
        Process check;
        try {
            check = new ProcessBuilder(PYTHON, "-c", "import torch, onnx, numpy").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(PYTHON + " cannot be run (" + e.getMessage() + "); " + installHint(), e);
        }
        if (!check.waitFor(2, TimeUnit.MINUTES)) {
            check.destroyForcibly().waitFor();
            fail(PYTHON + " did not import torch, onnx and numpy within 2 minutes; " + installHint());
        }
        if (check.exitValue() != 0) {
            fail(PYTHON + " cannot import torch, onnx and numpy (" + Files.readString(log).strip() + "); " + installHint());
        }
    }

    private static String installHint() throws IOException {
        String packages = String.join(" ", Files.readAllLines(repositoryRoot().resolve(APT_PACKAGES)));
        return "install the trainer's Python packages: apt-get install -y --no-install-recommends " + packages
                + " (or run bash .ci/run)";
    }

    /** Runs the trainer for two steps, failing with its output if it does not finish cleanly. */
    private static void train(Run run) throws IOException, InterruptedException {
        Path log = work.resolve(run.representation().id() + "-" + run.arch() + ".log");
        ProcessBuilder trainer = new ProcessBuilder(PYTHON, repositoryRoot().resolve("training/python/train.py").toString(),
                "--dataset", dataset.root().toString(), "--representation", run.representation().id(),
                "--arch", run.arch(), "--out", run.folder().toString(), "--max-steps", "2", "--batch-size", "8",
                "--threads", "1", "--device", "cpu")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        trainer.environment().put("OPENBLAS_NUM_THREADS", "1");
        trainer.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = trainer.start();
        if (!process.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail(run + " did not finish within " + TRAINING_TIMEOUT_MINUTES + " minutes:\n" + Files.readString(log));
        }
        if (process.exitValue() != 0) {
            fail(run + " failed with exit status " + process.exitValue() + ":\n" + Files.readString(log));
        }
    }

    /** The repository root: the first folder above the working directory that holds the trainer. */
    private static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("training/python/train.py"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no training/python/train.py above " + Path.of("").toAbsolutePath());
    }

    /**
     * Four tracks per label of 4 to 4.6 seconds, at 22050 or 44100 Hz: a low harmonic drone, noise
     * bursts, and a high tone sweeping up and down.
     */
    private static Path writeAudio(Path root) throws IOException {
        for (String label : LABELS) {
            for (int track = 0; track < TRACKS_PER_LABEL; track++) {
                int rate = track % 2 == 0 ? 22_050 : 44_100;
                Random random = new Random(LABELS.indexOf(label) * 100L + track);
                float[] samples = new float[(int) ((4.0 + 0.2 * track) * rate)];
                double pitch = 1 + 0.5 * random.nextDouble();
                for (int i = 0; i < samples.length; i++) {
                    double t = (double) i / rate;
                    double value = switch (label) {
                        case "drone" -> 0.3 * Math.sin(2 * Math.PI * 80 * pitch * t)
                                + 0.15 * Math.sin(2 * Math.PI * 160 * pitch * t);
                        case "hiss" -> (Math.sin(2 * Math.PI * 2 * t) > 0 ? 0.3 : 0.05) * random.nextGaussian();
                        default -> 0.3 * Math.sin(2 * Math.PI * 2000 * pitch * (t + 0.05 * Math.sin(2 * Math.PI * 3 * t)));
                    };
                    samples[i] = (float) (value + 0.002 * random.nextGaussian());
                }
                wav(root.resolve(label).resolve(label + "-" + track + ".wav"), samples, rate);
            }
        }
        return root;
    }

    /** A 16-bit mono WAV, written by the JDK. */
    private static void wav(Path file, float[] samples, int rate) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767));
        }
        Files.createDirectories(file.getParent());
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples.length),
                AudioFileFormat.Type.WAVE, file.toFile());
    }

    /** What a command printed and its exit status. */
    private record Output(int status, String out, String err) {
    }

    private static Output cli(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static DatasetDescription description() throws IOException {
        return Json.mapper().readValue(dataset.description().toFile(), DatasetDescription.class);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
