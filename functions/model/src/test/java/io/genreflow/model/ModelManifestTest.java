package io.genreflow.model;

import io.genreflow.manifest.ModelOutput;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.manifest.RepresentationModel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.manifest.EnsembleSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {

    @TempDir
    Path temp;

    @Test
    void loadsEveryFieldOfTheFixtureManifest() throws Exception {
        ModelManifest manifest = ModelManifest.load(TestModels.manifest("manifest.json"));

        assertEquals(ModelManifest.SCHEMA_VERSION, manifest.schemaVersion());
        assertEquals("test-1.0", manifest.modelVersion());
        assertEquals(List.of("blues", "jazz", "metal"), manifest.labels());
        assertEquals(22050, manifest.sampleRate());
        assertEquals(SnippetParams.defaults(), manifest.snippets());
        assertEquals(FeatureParams.defaults().withFraming(FeatureParams.Framing.SNIPPET), manifest.features(),
                "a manifest written before framing existed reads as snippet framing");
        assertEquals(List.of("logmel", "chroma"), List.copyOf(manifest.representations().keySet()));

        RepresentationModel logmel = manifest.model(Representation.LOGMEL);
        assertEquals("mean-probabilities.onnx", logmel.file());
        assertEquals(List.of(-1L, 6L, 5L), logmel.inputShape());
        assertArrayEquals(new long[] {6, 5}, logmel.snippetShape());
        assertEquals(ModelOutput.PROBABILITIES, logmel.output());
        assertEquals("mean-over-time-linear", logmel.architecture());
        assertArrayEquals(new double[] {0.0}, logmel.normalisation().mean());
        assertEquals(0.45, logmel.validationMetrics().get("macroF1"));

        RepresentationModel chroma = manifest.model(Representation.CHROMA);
        assertEquals(ModelOutput.LOGITS, chroma.output());
        assertArrayEquals(new double[] {1.0, 1.5, 2.0, 2.5, 3.0}, chroma.normalisation().std());

        assertEquals(EnsembleSpec.Strategy.SELECTIVE_ACTIVATION, manifest.ensemble().strategy());
        assertArrayEquals(new double[] {0.4, 0.8, 0.5}, manifest.ensemble().reliability().get("chroma"));
        assertEquals(0, manifest.trainingData().trackCounts().get("train"));
    }

    @Test
    void aManifestWrittenWithTheSharedMapperReadsBackTheSame() throws Exception {
        ModelManifest original = ModelManifest.read(TestModels.manifest("manifest.json"));
        String json = Json.mapper().writeValueAsString(original);

        ModelManifest copy = ModelManifest.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "written.json");

        assertTrue(json.contains("\"output\":\"logits\""), json);
        assertEquals(original.labels(), copy.labels());
        assertEquals(original.features(), copy.features());
        assertEquals(original.trainingData(), copy.trainingData());
        assertEquals(original.representations().keySet(), copy.representations().keySet());
        assertEquals(original.model(Representation.CHROMA).inputShape(), copy.model(Representation.CHROMA).inputShape());
        assertArrayEquals(original.model(Representation.CHROMA).normalisation().mean(),
                copy.model(Representation.CHROMA).normalisation().mean());
        assertArrayEquals(original.ensemble().reliability().get("logmel"), copy.ensemble().reliability().get("logmel"));
    }

    @Test
    void aMissingRepresentationIsATypedErrorListingTheAvailableOnes() throws Exception {
        ModelManifest manifest = ModelManifest.read(TestModels.manifest("manifest.json"));

        ModelException e = assertThrows(ModelException.class, () -> manifest.model(Representation.WAVEFORM));

        assertEquals(ModelException.Reason.MISSING_REPRESENTATION, e.reason());
        assertTrue(e.getMessage().contains("'waveform'") && e.getMessage().contains("logmel"), e.getMessage());
    }

    @Test
    void aModelFileWhoseChecksumDiffersIsRefusedByName() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        byte[] bytes = Files.readAllBytes(temp.resolve("mean-logits.onnx"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(temp.resolve("mean-logits.onnx"), bytes);

        ModelException e = assertThrows(ModelException.class, () -> ModelManifest.load(manifest));

        assertEquals(ModelException.Reason.CHECKSUM_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("mean-logits.onnx") && e.getMessage().contains("'chroma'"), e.getMessage());
    }

    @Test
    void aMissingModelFileIsRefusedByName() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        Files.delete(temp.resolve("mean-probabilities.onnx"));

        ModelException e = assertThrows(ModelException.class, () -> ModelManifest.load(manifest));

        assertEquals(ModelException.Reason.MODEL_FILE_MISSING, e.reason());
        assertTrue(e.getMessage().contains("mean-probabilities.onnx"), e.getMessage());
    }

    @Test
    void readChecksTheContentButNotTheModelFiles() throws Exception {
        Path manifest = TestModels.copyInto(temp);
        Files.delete(temp.resolve("mean-probabilities.onnx"));

        assertEquals("test-1.0", ModelManifest.read(manifest).modelVersion());
    }

    @Test
    void aMissingManifestIsUnreadable() {
        ModelException e = assertThrows(ModelException.class, () -> ModelManifest.load(temp.resolve("nope.json")));

        assertEquals(ModelException.Reason.MANIFEST_UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
    }

    @Test
    void anUnknownSchemaVersionIsRefusedBeforeItsFieldsAreRead() {
        ModelException e = parseFailure(tree -> {
            tree.put("schemaVersion", 2);
            tree.put("labels", "a format this release cannot know");
        });

        assertEquals(ModelException.Reason.UNSUPPORTED_SCHEMA_VERSION, e.reason());
        assertTrue(e.getMessage().contains("schemaVersion 2") && e.getMessage().contains("reads schemaVersion 1"),
                e.getMessage());
    }

    @Test
    void aManifestWithoutSchemaVersionIsInvalid() {
        ModelException e = parseFailure(tree -> tree.remove("schemaVersion"));

        assertEquals(ModelException.Reason.INVALID_MANIFEST, e.reason());
        assertTrue(e.getMessage().contains("'schemaVersion'"), e.getMessage());
    }

    @Test
    void malformedJsonIsInvalidWithItsPosition() {
        ModelException e = assertThrows(ModelException.class, () -> ModelManifest.parse(
                new ByteArrayInputStream("{\"schemaVersion\": 1,\n \"labels\": [".getBytes(StandardCharsets.UTF_8)),
                "broken.json"));

        assertEquals(ModelException.Reason.INVALID_MANIFEST, e.reason());
        assertTrue(e.getMessage().startsWith("broken.json: not valid JSON (line 2"), e.getMessage());
    }

    @Test
    void labelsMustBeNonEmptyAndUnique() {
        assertInvalid(tree -> tree.putArray("labels"), "'labels' must name at least one genre");
        assertInvalid(tree -> tree.putArray("labels").add("rock").add("jazz").add("rock"),
                "'labels' lists 'rock' more than once");
        assertInvalid(tree -> tree.putArray("labels").add("rock").add(" "), "blank label");
    }

    @Test
    void snippetTimingMustCoverTheAudio() {
        assertInvalid(tree -> ((ObjectNode) tree.get("snippets")).put("hopSeconds", 4.0),
                "hop must be positive and at most the snippet length");
        assertInvalid(tree -> ((ObjectNode) tree.get("snippets")).put("snippetSeconds", 0.0),
                "snippet length must be a positive number of seconds");
        assertInvalid(tree -> tree.remove("snippets"), "'snippets' is missing");
    }

    @Test
    void theFeatureSampleRateMustMatchTheManifests() {
        assertInvalid(tree -> tree.put("sampleRate", 16000), "'features.sampleRate' (22050) differs from 'sampleRate' (16000)");
    }

    @Test
    void invalidFeatureParametersAreReportedAtTheirPath() {
        ModelException e = parseFailure(tree -> ((ObjectNode) tree.get("features")).put("nMels", 0));

        assertTrue(e.getMessage().contains("at 'features'") && e.getMessage().contains("nMels must be positive"),
                e.getMessage());
    }

    @Test
    void representationEntriesAreValidatedAtTheirPath() {
        ModelException e = parseFailure(tree -> logmel(tree).put("sha256", "ABC"));

        assertEquals(ModelException.Reason.INVALID_MANIFEST, e.reason());
        assertTrue(e.getMessage().contains("at 'representations.logmel'")
                && e.getMessage().contains("'sha256' must be 64 lower-case hex digits"), e.getMessage());
    }

    @Test
    void representationIdsMustBeKnown() {
        assertInvalid(tree -> ((ObjectNode) tree.get("representations")).set("mfcc", logmel(tree).deepCopy()),
                "unknown representation 'mfcc'");
    }

    @Test
    void modelFilesMustStayInsideTheManifestDirectory() {
        assertInvalid(tree -> logmel(tree).put("file", "../../elsewhere/model.onnx"), "stay inside it");
        assertInvalid(tree -> logmel(tree).put("file", "/etc/model.onnx"), "stay inside it");
    }

    @Test
    void theInputShapeNeedsADynamicBatchAndPositiveSizes() {
        assertInvalid(tree -> logmel(tree).putArray("inputShape").add(4).add(6).add(5), "'inputShape' must be [-1");
        assertInvalid(tree -> logmel(tree).putArray("inputShape").add(-1).add(0).add(5), "'inputShape' must be [-1");
        assertInvalid(tree -> logmel(tree).putArray("inputShape").add(-1), "'inputShape' must be [-1");
    }

    @Test
    void theOutputKindMustBeLogitsOrProbabilities() {
        assertInvalid(tree -> logmel(tree).put("output", "scores"), "logits");
    }

    @Test
    void normalisationMustFitTheLastInputAxis() {
        assertInvalid(tree -> {
            ObjectNode normalisation = logmel(tree).putObject("normalisation");
            normalisation.putArray("mean").add(0).add(0);
            normalisation.putArray("std").add(1).add(1);
        }, "normalisation has 2 values per array; expected 1 or 5");
        assertInvalid(tree -> {
            ObjectNode normalisation = logmel(tree).putObject("normalisation");
            normalisation.putArray("mean").add(0);
            normalisation.putArray("std").add(0);
        }, "std must be positive and both finite");
    }

    @Test
    void selectiveActivationMayOnlyWeighKnownRepresentationsWithOneWeightPerLabel() {
        assertInvalid(tree -> reliability(tree).putArray("waveform").add(1).add(1).add(1),
                "'ensemble.reliability' refers to [waveform] but 'representations' only has models for");
        assertInvalid(tree -> reliability(tree).putArray("chroma").add(1).add(1),
                "reliability of 'chroma' has 2 weights but other representations have 3");
        assertInvalid(tree -> {
            ObjectNode weights = reliability(tree);
            weights.removeAll();
            weights.putArray("logmel").add(1).add(1);
        }, "'ensemble.reliability.logmel' must hold one weight per label (3)");
    }

    @Test
    void stackingMustReferToKnownRepresentationsWithMatchingDimensions() {
        assertInvalid(tree -> stacking(tree, List.of("logmel", "spectrogram"), 3, 6, 3),
                "'ensemble.stacking.inputs' refers to [spectrogram]");
        assertInvalid(tree -> stacking(tree, List.of("logmel", "chroma"), 3, 3, 3),
                "stacking weight row 0 needs 6 columns (2 inputs x 3 labels)");
        assertInvalid(tree -> stacking(tree, List.of("logmel", "chroma"), 2, 4, 2),
                "'ensemble.stacking' scores 2 labels but the manifest has 3");
    }

    @Test
    void aConsistentStackingEnsembleIsAccepted() throws Exception {
        ObjectNode tree = TestModels.manifestTree();
        stacking(tree, List.of("chroma", "logmel"), 3, 6, 3);

        ModelManifest manifest = parse(tree);

        assertEquals(List.of("chroma", "logmel"), manifest.ensemble().stacking().inputs());
    }

    @Test
    void theTrainingDataMustBeDescribed() {
        assertInvalid(tree -> tree.remove("trainingData"), "'trainingData' is missing");
        assertInvalid(tree -> ((ObjectNode) tree.get("trainingData")).putObject("trackCounts").put("train", -1),
                "track count for split 'train' must be zero or more");
    }

    private static ObjectNode logmel(ObjectNode tree) {
        return (ObjectNode) tree.get("representations").get("logmel");
    }

    private static ObjectNode reliability(ObjectNode tree) {
        return (ObjectNode) tree.get("ensemble").get("reliability");
    }

    private static void stacking(ObjectNode tree, List<String> inputs, int rows, int columns, int biases) {
        ObjectNode ensemble = tree.putObject("ensemble");
        ensemble.put("strategy", "STACKING");
        ObjectNode stacking = ensemble.putObject("stacking");
        inputs.forEach(stacking.putArray("inputs")::add);
        ArrayNode weights = stacking.putArray("weights");
        for (int r = 0; r < rows; r++) {
            ArrayNode row = weights.addArray();
            for (int c = 0; c < columns; c++) {
                row.add(0.1 * c);
            }
        }
        ArrayNode bias = stacking.putArray("bias");
        for (int b = 0; b < biases; b++) {
            bias.add(0.0);
        }
    }

    private static void assertInvalid(Consumer<ObjectNode> change, String expectedMessagePart) {
        ModelException e = parseFailure(change);
        assertEquals(ModelException.Reason.INVALID_MANIFEST, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedMessagePart),
                "expected '" + expectedMessagePart + "' in: " + e.getMessage());
    }

    private static ModelException parseFailure(Consumer<ObjectNode> change) {
        ObjectNode tree = TestModels.manifestTree();
        change.accept(tree);
        return assertThrows(ModelException.class, () -> parse(tree));
    }

    private static ModelManifest parse(ObjectNode tree) throws ModelException, IOException {
        return ModelManifest.parse(new ByteArrayInputStream(tree.toString().getBytes(StandardCharsets.UTF_8)),
                "edited-manifest.json");
    }
}
