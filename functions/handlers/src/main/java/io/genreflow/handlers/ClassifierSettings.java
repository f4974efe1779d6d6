package io.genreflow.handlers;

import io.genreflow.contracts.Representation;
import io.genreflow.messaging.QueueNames;
import io.genreflow.model.OnnxSnippetClassifier;
import java.nio.file.Path;
import java.util.Objects;

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

    public ClassifierSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(representation, "representation");
        Objects.requireNonNull(onnx, "onnx");
        if (modelBatchSize < 1) {
            throw new IllegalArgumentException("the model batch size must be at least 1, got " + modelBatchSize);
        }
    }
}
