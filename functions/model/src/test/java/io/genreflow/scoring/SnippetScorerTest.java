package io.genreflow.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.contracts.PcmLayout;
import io.genreflow.contracts.Representation;
import io.genreflow.features.FeatureExtractor;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.manifest.Normalisation;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pcm.PcmRange;
import io.genreflow.snippets.SnippetPlanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnippetScorerTest {

    /**
     * ONNX Runtime picks float32 kernels by batch size, so one snippet's scores may differ in the
     * last bits between batches: observed up to 6e-7 (about 10 ulps of 0.5).
     */
    private static final float BATCH_TOLERANCE = 2e-6f;

    private static final ModelManifest MANIFEST = FixtureModels.pipeline();
    private static final float[] TRACK = GeneratedAudio.music(7.3, 1, GeneratedAudio.RATE, 11);
    private static final int SNIPPET = 66_150;
    /** The plan of a 7.3-s track on the fixture's frame grid: every 43 frames, then the tail reaching the end. */
    private static final long[] STARTS = SnippetPlanner.starts(TRACK.length, SNIPPET,
            MANIFEST.snippets().hopSamples(MANIFEST.sampleRate(), MANIFEST.features().snippetGrid()),
            MANIFEST.features().snippetGrid());

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Representation.class)
    void eachSnippetIsScoredAsFeaturesNormalisationAndTheModelGiveItByHand(Representation representation)
            throws Exception {
        try (OnnxSnippetClassifier classifier = load(representation)) {
            float[][] scored = new SnippetScorer(classifier, 4).score(PcmRange.whole(TRACK), STARTS);

            assertEquals(STARTS.length, scored.length);
            FeatureExtractor extractor = FeatureExtractor.create(representation, MANIFEST.features());
            Normalisation normalisation = MANIFEST.model(representation).normalisation();
            for (int s = 0; s < STARTS.length; s++) {
                float[][] alone = extractor.extract(PcmRange.whole(TRACK), new long[] {STARTS[s]}, SNIPPET)[0];
                float[][] features = standardised(alone, normalisation);
                float[] byHand = classifier.classify(new float[][][] {features})[0];
                assertArrayEquals(byHand, scored[s], BATCH_TOLERANCE, representation.id() + " snippet " + s);
                assertEquals(1.0, sum(scored[s]), 1e-5);
            }
        }
    }

    @Test
    void aTrackShorterThanASnippetIsScoredZeroPadded() throws Exception {
        float[] second = Arrays.copyOf(TRACK, 22_050);
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL)) {
            float[][] scored = new SnippetScorer(classifier, 8).score(PcmRange.whole(second), new long[] {0});

            float[][] features = standardised(FeatureExtractor.create(Representation.LOGMEL, MANIFEST.features())
                    .extract(Arrays.copyOf(second, SNIPPET)), MANIFEST.model(Representation.LOGMEL).normalisation());
            assertArrayEquals(classifier.classify(new float[][][] {features})[0], scored[0], BATCH_TOLERANCE);
        }
    }

    @Test
    void theBatchSizeDoesNotChangeTheScores() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.SPECTROGRAM)) {
            float[][] oneByOne = new SnippetScorer(classifier, 1).score(PcmRange.whole(TRACK), STARTS);
            for (int batchSize : new int[] {2, 5, 64}) {
                float[][] batched = new SnippetScorer(classifier, batchSize).score(PcmRange.whole(TRACK), STARTS);
                for (int s = 0; s < STARTS.length; s++) {
                    assertArrayEquals(oneByOne[s], batched[s], BATCH_TOLERANCE, "batch " + batchSize + ", snippet " + s);
                }
            }
        }
    }

    @Test
    void aRangedReadOfThePcmObjectScoresLikeTheWholeTrack() throws Exception {
        ByteBuffer object = ByteBuffer.allocate(TRACK.length * PcmLayout.BYTES_PER_SAMPLE).order(PcmLayout.BYTE_ORDER);
        object.asFloatBuffer().put(TRACK);
        long[] batch = Arrays.copyOfRange(STARTS, 2, 5);
        try (OnnxSnippetClassifier classifier = load(Representation.CHROMA)) {
            SnippetScorer scorer = new SnippetScorer(classifier, 3);
            long first = batch[0] - scorer.contextSamples();
            long end = Math.min(TRACK.length, batch[2] + SNIPPET + scorer.contextSamples());
            byte[] range = Arrays.copyOfRange(object.array(), (int) PcmLayout.byteOffset(first),
                    (int) PcmLayout.byteOffset(end));

            assertEquals(1024, scorer.contextSamples(), "the fixture models use track framing");
            assertArrayEquals(scorer.score(PcmRange.whole(TRACK), batch),
                    scorer.score(PcmRange.fromBytes(range, first, TRACK.length), batch));
        }
    }

    @Test
    void timingACallChangesNoScore() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.WAVEFORM)) {
            SnippetScorer scorer = new SnippetScorer(classifier, 3);
            ScoringTime time = new ScoringTime();

            assertArrayEquals(scorer.score(PcmRange.whole(TRACK), STARTS),
                    scorer.score(PcmRange.whole(TRACK), STARTS, time));
        }
    }

    @Test
    void concurrentCallsGiveTheScoresOfSequentialOnes() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.LOGMEL);
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            SnippetScorer scorer = new SnippetScorer(classifier, 2);
            float[][] sequential = scorer.score(PcmRange.whole(TRACK), STARTS);
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int call = 0; call < 8; call++) {
                futures.add(pool.submit(() -> scorer.score(PcmRange.whole(TRACK), STARTS)));
            }
            for (Future<float[][]> future : futures) {
                assertArrayEquals(sequential, future.get());
            }
        }
    }

    @Test
    void noSnippetsGiveNoScores() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.WAVEFORM)) {
            assertEquals(0, new SnippetScorer(classifier, 4).score(PcmRange.whole(TRACK), new long[0]).length);
            assertThrows(IllegalArgumentException.class, () -> new SnippetScorer(classifier, 0));
        }
    }

    @Test
    void aSnippetOutsideTheSamplesHeldIsRefused() throws Exception {
        try (OnnxSnippetClassifier classifier = load(Representation.CHROMA)) {
            SnippetScorer scorer = new SnippetScorer(classifier, 4);
            PcmRange firstSeconds = new PcmRange(Arrays.copyOf(TRACK, 70_000), 0, TRACK.length);

            assertThrows(IllegalArgumentException.class, () -> scorer.score(firstSeconds, new long[] {0, 22_050}));
        }
    }

    @Test
    void aModelTrainedWithOtherFeatureParametersIsRefused() throws Exception {
        Path manifest = copyModels(tree -> ((ObjectNode) tree.get("features")).put("nMels", 96));

        try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifest, Representation.LOGMEL,
                OnnxSnippetClassifier.Options.defaults())) {
            ModelException e = assertThrows(ModelException.class, () -> new SnippetScorer(classifier, 4));

            assertEquals(ModelException.Reason.MODEL_MISMATCH, e.reason());
            assertTrue(e.getMessage().contains("'logmel' model takes snippets shaped [130, 128]")
                    && e.getMessage().contains("give [130, 96]") && e.getMessage().contains("nMels=96"), e.getMessage());
        }
    }

    @Test
    void aModelTrainedOnAnotherSnippetLengthIsRefused() throws Exception {
        Path manifest = copyModels(tree -> ((ObjectNode) tree.get("snippets")).put("snippetSeconds", 2.0)
                .put("hopSeconds", 1.0));

        try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifest, Representation.SPECTROGRAM,
                OnnxSnippetClassifier.Options.defaults())) {
            ModelException e = assertThrows(ModelException.class, () -> new SnippetScorer(classifier, 4));

            assertTrue(e.getMessage().contains("[130, 1025]") && e.getMessage().contains("2.0-s snippets")
                    && e.getMessage().contains("give [87, 1025]"), e.getMessage());
        }
    }

    private static OnnxSnippetClassifier load(Representation representation) throws ModelException {
        return OnnxSnippetClassifier.load(FixtureModels.pipelineManifest(), representation,
                OnnxSnippetClassifier.Options.defaults());
    }

    /** The test models beside a changed copy of their manifest. */
    private Path copyModels(Consumer<ObjectNode> change) throws IOException {
        Path source = FixtureModels.pipelineManifest().getParent();
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("pipeline-")).toList()) {
                Files.copy(file, temp.resolve(file.getFileName()));
            }
        }
        Path manifest = temp.resolve("pipeline-manifest.json");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(manifest.toFile());
        change.accept(tree);
        Json.mapper().writeValue(manifest.toFile(), tree);
        return manifest;
    }

    /** (x - mean) / std per column, from the manifest's statistics (one pair, or one per column). */
    private static float[][] standardised(float[][] features, Normalisation normalisation) {
        double[] mean = normalisation.mean();
        double[] std = normalisation.std();
        float[][] out = new float[features.length][];
        for (int t = 0; t < features.length; t++) {
            out[t] = new float[features[t].length];
            for (int f = 0; f < features[t].length; f++) {
                int k = mean.length == 1 ? 0 : f;
                out[t][f] = (float) ((features[t][f] - mean[k]) / std[k]);
            }
        }
        return out;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
