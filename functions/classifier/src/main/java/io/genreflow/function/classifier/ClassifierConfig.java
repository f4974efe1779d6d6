package io.genreflow.function.classifier;

import io.genreflow.model.ExecutionProvider;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The classifier function's settings, {@code genreflow.*} in Quarkus config (on Lambda usually
 * environment variables: {@code GENREFLOW_CLASSIFIER_REPRESENTATION}, {@code GENREFLOW_BUCKET}, ...).
 */
@ConfigMapping(prefix = "genreflow")
public interface ClassifierConfig {

    /** The bucket holding the tracks' PCM. */
    String bucket();

    /** The queues. */
    Queues queues();

    /** The models. */
    Models models();

    /** What this classifier computes and how. */
    Classifier classifier();

    /** Queue naming. */
    interface Queues {

        /** Put before every queue name, e.g. {@code genreflow-}; none by default. */
        Optional<String> prefix();
    }

    /** Where the models are. */
    interface Models {

        /** The model manifest, relative to the working folder ({@code /var/task} on Lambda); the model files lie beside it. */
        @WithDefault("models/manifest.json")
        Path manifest();
    }

    /** The classifier. */
    interface Classifier {

        /** The one representation this deployment classifies: logmel, spectrogram, chroma or waveform. Required. */
        String representation();

        /** The most snippets handed to the model at once. */
        @WithDefault("32")
        int modelBatchSize();

        /** ONNX Runtime. */
        Onnx onnx();
    }

    /** ONNX Runtime's threads and execution provider. */
    interface Onnx {

        /** Threads inside one operator; one suits a one-vCPU Lambda, where parallelism comes from more instances. */
        @WithDefault("1")
        int intraOpThreads();

        /** {@code cpu}, or {@code cuda} for the GPU variant (falls back to the CPU without a GPU). */
        @WithDefault("cpu")
        ExecutionProvider provider();

        /** The GPU to use with the CUDA provider. */
        @WithDefault("0")
        int cudaDeviceId();
    }
}
