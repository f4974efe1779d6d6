package io.genreflow.worker;

import io.genreflow.features.Representation;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.messaging.QueueNames;
import io.genreflow.model.ExecutionProvider;
import io.genreflow.model.OnnxSnippetClassifier;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The worker's settings, read from the same environment variables as the classifier function's
 * (GENREFLOW_BUCKET, GENREFLOW_CLASSIFIER_REPRESENTATION, ...; see ClassifierConfig), with the
 * same defaults, so one deployment environment serves both.
 */
public final class WorkerSettings {

    private WorkerSettings() {
    }

    /**
     * The classifier settings {@code environment} describes.
     *
     * @throws IllegalArgumentException naming the variable that is missing or wrong
     */
    public static ClassifierSettings fromEnvironment(Map<String, String> environment) {
        String bucket = required(environment, "GENREFLOW_BUCKET");
        String representation = required(environment, "GENREFLOW_CLASSIFIER_REPRESENTATION");
        Representation chosen;
        try {
            chosen = Representation.fromId(representation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GENREFLOW_CLASSIFIER_REPRESENTATION: " + e.getMessage(), e);
        }
        String provider = environment.getOrDefault("GENREFLOW_CLASSIFIER_ONNX_PROVIDER", "cpu");
        ExecutionProvider executionProvider;
        try {
            executionProvider = ExecutionProvider.valueOf(provider.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GENREFLOW_CLASSIFIER_ONNX_PROVIDER is '" + provider
                    + "'; expected cpu or cuda", e);
        }
        return new ClassifierSettings(bucket,
                new QueueNames(environment.getOrDefault("GENREFLOW_QUEUES_PREFIX", "")),
                Path.of(environment.getOrDefault("GENREFLOW_MODELS_MANIFEST", "models/manifest.json")), chosen,
                integer(environment, "GENREFLOW_CLASSIFIER_MODEL_BATCH_SIZE", 32),
                new OnnxSnippetClassifier.Options(integer(environment, "GENREFLOW_CLASSIFIER_ONNX_INTRA_OP_THREADS", 1),
                        executionProvider, integer(environment, "GENREFLOW_CLASSIFIER_ONNX_CUDA_DEVICE_ID", 0)));
    }

    /**
     * How many queue pollers share the model: GENREFLOW_WORKER_POLLERS, by default one per available
     * processor.
     */
    public static int pollers(Map<String, String> environment) {
        int pollers = integer(environment, "GENREFLOW_WORKER_POLLERS", Runtime.getRuntime().availableProcessors());
        if (pollers < 1) {
            throw new IllegalArgumentException("GENREFLOW_WORKER_POLLERS must be at least 1, got " + pollers);
        }
        return pollers;
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required and not set");
        }
        return value.trim();
    }

    private static int integer(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "', not a whole number", e);
        }
    }
}
