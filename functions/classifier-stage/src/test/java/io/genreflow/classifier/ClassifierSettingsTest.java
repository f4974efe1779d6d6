package io.genreflow.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import io.genreflow.model.ExecutionProvider;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.testing.SettingsDocumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassifierSettingsTest {

    private static ClassifierSettings read(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("genreflow.bucket", "b",
                "genreflow.classifier.representation", "chroma"));
        all.putAll(values);
        return ClassifierSettings.from(name -> Optional.ofNullable(all.get(name)));
    }

    @Test
    void everySettingIsDocumented() {
        SettingsDocumentation.assertDocumented(ClassifierSettings.DEFINITIONS);
    }

    @Test
    void theBucketAndRepresentationMustBeSetAndTheRestHasItsDefaults() {
        ClassifierSettings settings = read(Map.of());

        assertEquals(Representation.CHROMA, settings.representation());
        assertEquals(32, settings.modelBatchSize());
        assertEquals(OnnxSnippetClassifier.Options.defaults(), settings.onnx());
    }

    @Test
    void theGpuVariantIsChosenBySettings() {
        ClassifierSettings settings = read(Map.of("genreflow.classifier.onnx.provider", "cuda",
                "genreflow.classifier.onnx.cuda-device-id", "1", "genreflow.classifier.onnx.intra-op-threads", "4",
                "genreflow.classifier.model-batch-size", "64"));

        assertEquals(new OnnxSnippetClassifier.Options(4, ExecutionProvider.CUDA, 1), settings.onnx());
        assertEquals(64, settings.modelBatchSize());
    }

    @Test
    void anUnknownRepresentationNamesTheSettingAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("genreflow.classifier.representation", "mfcc")));

        assertTrue(e.getMessage().startsWith("genreflow.classifier.representation"
                + " (GENREFLOW_CLASSIFIER_REPRESENTATION): 'mfcc' is not a representation"), e.getMessage());
        assertTrue(e.getMessage().contains("spectrogram"), e.getMessage());
    }
}
