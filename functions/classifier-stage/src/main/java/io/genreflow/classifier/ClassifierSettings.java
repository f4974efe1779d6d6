package io.genreflow.classifier;

import io.genreflow.contracts.QueueNames;
import io.genreflow.contracts.Representation;
import io.genreflow.model.ExecutionProvider;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.scoring.SnippetScorer;
import io.genreflow.settings.Setting;
import io.genreflow.settings.SharedSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a classifier runs.
 *
 * @param bucket          the bucket holding the tracks' PCM
 * @param queues          the queue names
 * @param manifest        the model manifest; the representation's model file lies beside it
 * @param representation  the one representation this classifier computes
 * @param modelBatchSize  the most snippets handed to the model at once
 * @param onnx            ONNX Runtime's threads and execution provider
 */
public record ClassifierSettings(String bucket, QueueNames queues, Path manifest, Representation representation,
                                 int modelBatchSize, OnnxSnippetClassifier.Options onnx) {

    /** The representation classified. */
    public static final Setting REPRESENTATION = Setting.required("genreflow.classifier.representation",
            "the one representation this deployment classifies: logmel, spectrogram, chroma or waveform");
    /** Snippets per model call. */
    public static final Setting MODEL_BATCH_SIZE = Setting.optional("genreflow.classifier.model-batch-size",
            SnippetScorer.DEFAULT_BATCH_SIZE, "the most snippets handed to ONNX Runtime in one call");
    /** ONNX Runtime's threads. */
    public static final Setting INTRA_OP_THREADS = Setting.optional("genreflow.classifier.onnx.intra-op-threads",
            OnnxSnippetClassifier.Options.defaults().intraOpThreads(), "threads inside one ONNX operator; one suits a"
                    + " one-vCPU Lambda, where parallelism comes from more instances");
    /** Where models run. */
    public static final Setting PROVIDER = Setting.optional("genreflow.classifier.onnx.provider",
            OnnxSnippetClassifier.Options.defaults().provider().name().toLowerCase(Locale.ROOT),
            "cpu, or cuda for the GPU variant (it falls back to the CPU without a GPU)");
    /** The GPU used. */
    public static final Setting CUDA_DEVICE_ID = Setting.optional("genreflow.classifier.onnx.cuda-device-id",
            OnnxSnippetClassifier.Options.defaults().cudaDeviceId(), "the GPU the cuda provider uses");

    /** Every setting of the classifier function. */
    public static final List<Setting> DEFINITIONS = List.of(SharedSettings.BUCKET, SharedSettings.QUEUE_PREFIX,
            SharedSettings.MODELS_MANIFEST, REPRESENTATION, MODEL_BATCH_SIZE, INTRA_OP_THREADS, PROVIDER,
            CUDA_DEVICE_ID);

    public ClassifierSettings {
        SharedSettings.requirePresent(bucket, queues, manifest);
        Objects.requireNonNull(representation, "representation");
        Objects.requireNonNull(onnx, "onnx");
        if (modelBatchSize < 1) {
            throw new IllegalArgumentException("the model batch size must be at least 1, got " + modelBatchSize);
        }
    }

    /** What {@code source} gives by property name, defaults filling in; throws naming a missing or bad setting. */
    public static ClassifierSettings from(Function<String, Optional<String>> source) {
        return new ClassifierSettings(SharedSettings.BUCKET.value(source), SharedSettings.queues(source),
                SharedSettings.MODELS_MANIFEST.pathValue(source),
                REPRESENTATION.parse(source, Representation::fromId, "a representation"),
                MODEL_BATCH_SIZE.intValue(source),
                new OnnxSnippetClassifier.Options(INTRA_OP_THREADS.intValue(source),
                        PROVIDER.parse(source, id -> ExecutionProvider.valueOf(id.toUpperCase(Locale.ROOT)),
                                "cpu or cuda"),
                        CUDA_DEVICE_ID.intValue(source)));
    }
}
