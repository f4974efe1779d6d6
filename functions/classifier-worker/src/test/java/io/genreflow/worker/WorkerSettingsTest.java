package io.genreflow.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.features.Representation;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.model.ExecutionProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker reads the classifier function's environment variables, with its defaults. */
class WorkerSettingsTest {

    @Test
    void theFunctionsVariablesConfigureTheWorker() {
        ClassifierSettings settings = WorkerSettings.fromEnvironment(Map.of("GENREFLOW_BUCKET", "b",
                "GENREFLOW_CLASSIFIER_REPRESENTATION", "logmel", "GENREFLOW_QUEUES_PREFIX", "genreflow-",
                "GENREFLOW_MODELS_MANIFEST", "/opt/models/manifest.json", "GENREFLOW_CLASSIFIER_ONNX_PROVIDER", "cuda",
                "GENREFLOW_CLASSIFIER_MODEL_BATCH_SIZE", "16"));
        assertEquals("b", settings.bucket());
        assertEquals(Representation.LOGMEL, settings.representation());
        assertEquals("genreflow-snippets-logmel", settings.queues().snippets(settings.representation()));
        assertEquals(Path.of("/opt/models/manifest.json"), settings.manifest());
        assertEquals(ExecutionProvider.CUDA, settings.onnx().provider());
        assertEquals(16, settings.modelBatchSize());
        assertEquals(1, settings.onnx().intraOpThreads());
    }

    @Test
    void aMissingOrWrongSettingIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerSettings.fromEnvironment(
                Map.of("GENREFLOW_CLASSIFIER_REPRESENTATION", "logmel"))).getMessage().contains("GENREFLOW_BUCKET"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerSettings.fromEnvironment(
                Map.of("GENREFLOW_BUCKET", "b", "GENREFLOW_CLASSIFIER_REPRESENTATION", "mfcc"))).getMessage()
                .contains("GENREFLOW_CLASSIFIER_REPRESENTATION"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerSettings.fromEnvironment(
                Map.of("GENREFLOW_BUCKET", "b", "GENREFLOW_CLASSIFIER_REPRESENTATION", "chroma",
                        "GENREFLOW_CLASSIFIER_ONNX_PROVIDER", "tpu"))).getMessage().contains("cpu or cuda"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerSettings.pollers(
                Map.of("GENREFLOW_WORKER_POLLERS", "0"))).getMessage().contains("at least 1"));
    }

    @Test
    void thereIsOnePollerPerProcessorByDefault() {
        assertEquals(Runtime.getRuntime().availableProcessors(), WorkerSettings.pollers(Map.of()));
        assertEquals(3, WorkerSettings.pollers(Map.of("GENREFLOW_WORKER_POLLERS", "3")));
    }
}
