package io.genreflow.model;

import io.genreflow.manifest.ModelException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.contracts.Representation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSnippetClassifierTest {

    /** float32 inference against double maths on values of order 1: rounding stays near 1e-7. */
    private static final double TOLERANCE = 1e-5;

    private static final OnnxSnippetClassifier.Options CPU = OnnxSnippetClassifier.Options.defaults();

    @TempDir
    Path temp;

    @Test
    void aProbabilityModelScoresAsItsWeightsSay() throws Exception {
        assertMatchesWeights(Representation.LOGMEL, "mean-probabilities.onnx");
    }

    @Test
    void aLogitModelIsTurnedIntoProbabilities() throws Exception {
        assertMatchesWeights(Representation.CHROMA, "mean-logits.onnx");
    }

    @Test
    void eachRowIsScoredTheSameAloneAsInABatch() throws Exception {
        float[][][] snippets = TestModels.snippets(17, 5);
        try (OnnxSnippetClassifier classifier = load(Representation.CHROMA, CPU)) {
            float[][] batch = classifier.classify(snippets);
            for (int i = 0; i < snippets.length; i++) {
                float[][] alone = classifier.classify(new float[][][] {snippets[i]});
                assertArrayEquals(alone[0], batch[i], 1e-6f, "snippet " + i);
            }
        }
    }

    @Test
    void flatAndNestedInputsGiveTheSameScores() throws Exception {
        float[][][] snippets = TestModels.snippets(4, 9);
        float[] flat = new float[4 * TestModels.TIME * TestModels.FEATURES];
        int k = 0;
        for (float[][] snippet : snippets) {
            for (float[] row : snippet) {
                System.arraycopy(row, 0, flat, k, row.length);
                k += row.length;
            }
        }
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU)) {
            assertArrayEquals(classifier.classify(snippets), classifier.classify(flat, 4));
        }
    }

    @Test
    void anEmptyBatchGivesNoScores() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU)) {
            assertEquals(0, classifier.classify(new float[0][][]).length);
            assertEquals(0, classifier.classify(new float[0], 0).length);
        }
    }

    @Test
    void aModelWhoseInputShapeDisagreesWithTheManifestIsRefusedAtLoad() {
        ModelException e = assertThrows(ModelException.class, () -> OnnxSnippetClassifier.load(
                TestModels.manifest("manifest-wrong-shape.json"), Representation.LOGMEL, CPU));

        assertEquals(ModelException.Reason.MODEL_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("wrong-shape.onnx") && e.getMessage().contains("[-1, 6, 7]")
                && e.getMessage().contains("[-1, 6, 5]"), e.getMessage());
    }

    @Test
    void aModelWithAnotherLabelCountIsRefusedAtLoad() {
        ModelException e = assertThrows(ModelException.class, () -> OnnxSnippetClassifier.load(
                TestModels.manifest("manifest-wrong-labels.json"), Representation.LOGMEL, CPU));

        assertEquals(ModelException.Reason.MODEL_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("[-1, 4]") && e.getMessage().contains("lists 3 labels"), e.getMessage());
    }

    @Test
    void aModelWithAFixedBatchSizeIsRefusedAtLoad() {
        ModelException e = assertThrows(ModelException.class, () -> OnnxSnippetClassifier.load(
                TestModels.manifest("manifest-fixed-batch.json"), Representation.LOGMEL, CPU));

        assertEquals(ModelException.Reason.MODEL_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("fixed batch of 1"), e.getMessage());
    }

    @Test
    void anAlteredModelFileIsRefusedAtLoad() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        Path model = temp.resolve("mean-probabilities.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(model, bytes);

        ModelException e = assertThrows(ModelException.class,
                () -> OnnxSnippetClassifier.load(manifest, Representation.LOGMEL, CPU));

        assertEquals(ModelException.Reason.CHECKSUM_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("mean-probabilities.onnx"), e.getMessage());
    }

    @Test
    void onlyTheRequestedRepresentationsFileNeedsToBeDeployed() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        Files.delete(temp.resolve("mean-logits.onnx"));

        try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifest, Representation.LOGMEL, CPU)) {
            assertEquals(1, classifier.classify(TestModels.snippets(1, 1)).length);
        }
        ModelException e = assertThrows(ModelException.class,
                () -> OnnxSnippetClassifier.load(manifest, Representation.CHROMA, CPU));
        assertEquals(ModelException.Reason.MODEL_FILE_MISSING, e.reason());
        assertTrue(e.getMessage().contains("mean-logits.onnx"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsUnloadable() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        byte[] garbage = "not a model".getBytes();
        Files.write(temp.resolve("mean-probabilities.onnx"), garbage);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(garbage));
        TestModels.edit(manifest, tree -> logmel(tree).put("sha256", sha256));

        ModelException e = assertThrows(ModelException.class,
                () -> OnnxSnippetClassifier.load(manifest, Representation.LOGMEL, CPU));

        assertEquals(ModelException.Reason.MODEL_UNLOADABLE, e.reason());
        assertTrue(e.getMessage().contains("mean-probabilities.onnx"), e.getMessage());
    }

    @Test
    void aRepresentationAbsentFromTheManifestIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> OnnxSnippetClassifier.load(
                TestModels.manifest("manifest.json"), Representation.WAVEFORM, CPU));

        assertEquals(ModelException.Reason.MISSING_REPRESENTATION, e.reason());
    }

    @Test
    void logitsDeclaredAsProbabilitiesAreCaughtOnTheFirstBatch() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        TestModels.edit(manifest, tree -> ((ObjectNode) tree.get("representations").get("chroma"))
                .put("output", "probabilities"));

        try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifest, Representation.CHROMA, CPU)) {
            ModelException e = assertThrows(ModelException.class,
                    () -> classifier.classify(TestModels.snippets(2, 3)));
            assertEquals(ModelException.Reason.MODEL_MISMATCH, e.reason());
            assertTrue(e.getMessage().contains("set its 'output' to \"logits\""), e.getMessage());
        }
    }

    @Test
    void snippetsOfTheWrongShapeAreRejectedNamingExpectedAndActual() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU)) {
            IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                    () -> classifier.classify(new float[][][] {new float[7][5]}));
            assertTrue(time.getMessage().contains("has 7 time steps") && time.getMessage().contains("expects 6"),
                    time.getMessage());

            float[][][] snippets = TestModels.snippets(3, 2);
            snippets[2][4] = new float[4];
            IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
                    () -> classifier.classify(snippets));
            assertTrue(features.getMessage().contains("snippet 2, time step 4 has 4 features")
                    && features.getMessage().contains("expects 5"), features.getMessage());

            IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                    () -> classifier.classify(new float[61], 2));
            assertTrue(flat.getMessage().contains("got 61 values for 2 snippets")
                    && flat.getMessage().contains("expected 60"), flat.getMessage());
        }
    }

    @Test
    void nonFiniteFeaturesAreRejected() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU)) {
            float[][][] snippets = TestModels.snippets(2, 4);
            snippets[1][3][2] = Float.NaN;
            IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                    () -> classifier.classify(snippets));
            assertTrue(nested.getMessage().contains("snippet 1, time step 3, feature 2 is NaN"), nested.getMessage());

            float[] flat = new float[60];
            flat[45] = Float.POSITIVE_INFINITY;
            IllegalArgumentException flatError = assertThrows(IllegalArgumentException.class,
                    () -> classifier.classify(flat, 2));
            assertTrue(flatError.getMessage().contains("value 45 (snippet 1) is Infinity"), flatError.getMessage());
        }
    }

    @Test
    void cudaOnACpuOnlyRuntimeWarnsAndFallsBackToTheCpu() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(OnnxSnippetClassifier.class.getName());
        logger.addHandler(capture);
        // The warning is expected here; keep it out of the build log.
        logger.setUseParentHandlers(false);
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU.withCuda(0))) {
            assertEquals(ExecutionProvider.CPU, classifier.activeProvider());
            assertEquals(ExecutionProvider.CUDA, classifier.options().provider());
            assertEquals(3, classifier.classify(TestModels.snippets(2, 8))[1].length);
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                        && r.getMessage().contains("CUDA was requested") && r.getMessage().contains("CPU")),
                "expected a CUDA fallback warning, got " + records.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void twoIntraOpThreadsScoreLikeOne() throws Exception {
        float[][][] snippets = TestModels.snippets(17, 12);
        try (OnnxSnippetClassifier one = load(Representation.CHROMA, CPU);
             OnnxSnippetClassifier two = load(Representation.CHROMA, CPU.withIntraOpThreads(2))) {
            assertEquals(2, two.options().intraOpThreads());
            assertEquals(ExecutionProvider.CPU, two.activeProvider());
            float[][] expected = one.classify(snippets);
            float[][] actual = two.classify(snippets);
            for (int i = 0; i < snippets.length; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-6f, "snippet " + i);
            }
        }
    }

    @Test
    void oneClassifierServesConcurrentCallers() throws Exception {
        float[][][] snippets = TestModels.snippets(8, 21);
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU)) {
            float[][] expected = classifier.classify(snippets);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][]>> results = new ArrayList<>();
                for (int call = 0; call < 32; call++) {
                    results.add(pool.submit(() -> classifier.classify(snippets)));
                }
                for (Future<float[][]> result : results) {
                    assertArrayEquals(expected, result.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aClosedClassifierRefusesWork() throws Exception {
        OnnxSnippetClassifier classifier = load(Representation.LOGMEL, CPU);
        classifier.close();
        classifier.close();

        assertThrows(IllegalStateException.class, () -> classifier.classify(TestModels.snippets(1, 1)));
    }

    @Test
    void optionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CPU.withIntraOpThreads(0));
        assertThrows(IllegalArgumentException.class, () -> CPU.withCuda(-1));
    }

    private void assertMatchesWeights(Representation representation, String onnxFile) throws Exception {
        TestModels.LinearModel reference = TestModels.LinearModel.of(onnxFile);
        float[][][] snippets = TestModels.snippets(17, 42);
        try (OnnxSnippetClassifier classifier = load(representation, CPU)) {
            float[][] probabilities = classifier.classify(snippets);
            assertEquals(snippets.length, probabilities.length);
            for (int i = 0; i < snippets.length; i++) {
                double[] expected = reference.probabilities(snippets[i]);
                for (int label = 0; label < TestModels.LABELS; label++) {
                    assertEquals(expected[label], probabilities[i][label], TOLERANCE, "snippet " + i + " label " + label);
                }
            }
        }
    }

    private static OnnxSnippetClassifier load(Representation representation, OnnxSnippetClassifier.Options options)
            throws ModelException {
        return OnnxSnippetClassifier.load(TestModels.manifest("manifest.json"), representation, options);
    }

    private static ObjectNode logmel(ObjectNode tree) {
        return (ObjectNode) tree.get("representations").get("logmel");
    }
}
