package io.genreflow.model;

/** Where ONNX Runtime executes a model. */
public enum ExecutionProvider {
    /** ONNX Runtime's default CPU kernels; always available. */
    CPU,
    /** NVIDIA GPUs; needs the {@code onnxruntime_gpu} artifact, CUDA libraries and a visible device. */
    CUDA
}
