#!/usr/bin/python3
"""Writes the tiny ONNX models and manifests that the io.genreflow.model and io.genreflow.pipeline
tests load.

Every model computes  y = W^T . mean_over_time(x) + b  for x of shape [batch, time, features],
optionally followed by a softmax, so a test can recompute the expected output from the weights
written to weights.json without any ONNX machinery.

The pipeline-*.onnx models and pipeline-manifest.json take the real default shapes of 3-s snippets
(what the feature extractors produce), so the pipeline stages can run end to end on real audio;
they are untrained and their verdicts mean nothing. Weights come from a fixed seed and the
protobufs carry no timestamps, so re-running the script reproduces the files byte for byte
(for a given onnx package version).

Requirements (Debian): apt-get install -y python3-onnx python3-numpy
Run from anywhere:     /usr/bin/python3 functions/core/src/test/fixtures-src/make-test-models.py
"""
import hashlib
import json
import pathlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "models"
OPSET = 17
IR_VERSION = 8  # the IR version that introduced opset 17; pinned so output does not depend on the onnx release

TIME, FEATURES = 6, 5
LABELS = ["blues", "jazz", "metal"]


def make_model(name, time, features, labels, softmax, batch, seed, weight_range=2.0):
    """Builds mean-over-time -> MatMul -> Add [-> Softmax]; returns (model, weights)."""
    rng = np.random.RandomState(seed)
    w = rng.uniform(-weight_range, weight_range, size=(features, labels)).astype(np.float32)
    b = rng.uniform(-1.0, 1.0, size=(labels,)).astype(np.float32)

    nodes = [
        helper.make_node("ReduceMean", ["input"], ["pooled"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["pooled", "W"], ["projected"]),
        helper.make_node("Add", ["projected", "b"], ["logits" if softmax else "scores"]),
    ]
    if softmax:
        nodes.append(helper.make_node("Softmax", ["logits"], ["scores"], axis=-1))

    graph = helper.make_graph(
        nodes,
        name,
        inputs=[helper.make_tensor_value_info("input", TensorProto.FLOAT, [batch, time, features])],
        outputs=[helper.make_tensor_value_info("scores", TensorProto.FLOAT, [batch, labels])],
        initializer=[numpy_helper.from_array(w, "W"), numpy_helper.from_array(b, "b")],
    )
    model = helper.make_model(graph, producer_name="genreflow-test-fixtures",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model, {"weights": w.tolist(), "bias": b.tolist()}


def write_model(file_name, **kwargs):
    model, weights = make_model(**kwargs)
    data = model.SerializeToString()
    (OUT / file_name).write_bytes(data)
    return hashlib.sha256(data).hexdigest(), weights


def entry(file_name, sha256, output, time=TIME, features=FEATURES, normalisation=None):
    return {
        "file": file_name,
        "sha256": sha256,
        "inputShape": [-1, time, features],
        "architecture": "mean-over-time-linear",
        "output": output,
        "normalisation": normalisation or {"mean": [0.0], "std": [1.0]},
        "validationMetrics": {"accuracy": 0.5, "macroF1": 0.45},
    }


def manifest(model_version, representations, ensemble, labels=LABELS):
    return {
        "schemaVersion": 1,
        "modelVersion": model_version,
        "labels": labels,
        "sampleRate": 22050,
        "snippets": {"snippetSeconds": 3.0, "hopSeconds": 1.0, "silenceThresholdDbfs": -60.0},
        "features": {
            "sampleRate": 22050, "nFft": 2048, "hopLength": 512, "nMels": 128, "fMin": 0.0,
            "fMax": 11025.0, "nChroma": 12, "topDb": 80.0, "waveformFrameLength": 1024,
            "waveformHopLength": 1024,
        },
        "representations": representations,
        "ensemble": ensemble,
        "trainingData": {
            "dataset": "synthetic test fixture (no audio)",
            "trackCounts": {"train": 0, "validation": 0, "test": 0},
            "split": "none",
        },
    }


def write_json(file_name, value):
    (OUT / file_name).write_text(json.dumps(value, indent=2) + "\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    n = len(LABELS)
    common = dict(time=TIME, features=FEATURES, labels=n, batch="batch")

    probs_sha, probs_w = write_model("mean-probabilities.onnx", name="mean_probabilities", softmax=True, seed=11, **common)
    logits_sha, logits_w = write_model("mean-logits.onnx", name="mean_logits", softmax=False, seed=23, **common)
    shape_sha, _ = write_model("wrong-shape.onnx", name="wrong_shape", time=TIME, features=FEATURES + 2,
                               labels=n, softmax=True, batch="batch", seed=31)
    labels_sha, _ = write_model("wrong-labels.onnx", name="wrong_labels", time=TIME, features=FEATURES,
                                labels=n + 1, softmax=True, batch="batch", seed=37)
    fixed_sha, _ = write_model("fixed-batch.onnx", name="fixed_batch", time=TIME, features=FEATURES,
                               labels=n, softmax=True, batch=1, seed=41)

    write_json("weights.json", {"mean-probabilities.onnx": probs_w, "mean-logits.onnx": logits_w})

    per_column = {"mean": [0.1 * i for i in range(FEATURES)], "std": [1.0 + 0.5 * i for i in range(FEATURES)]}
    write_json("manifest.json", manifest(
        "test-1.0",
        {
            "logmel": entry("mean-probabilities.onnx", probs_sha, "probabilities"),
            "chroma": entry("mean-logits.onnx", logits_sha, "logits", normalisation=per_column),
        },
        {"strategy": "SELECTIVE_ACTIVATION",
         "reliability": {"logmel": [0.9, 0.6, 0.7], "chroma": [0.4, 0.8, 0.5]}},
    ))
    mean = {"strategy": "MEAN"}
    write_json("manifest-wrong-shape.json", manifest(
        "test-wrong-shape", {"logmel": entry("wrong-shape.onnx", shape_sha, "probabilities")}, mean))
    write_json("manifest-wrong-labels.json", manifest(
        "test-wrong-labels", {"logmel": entry("wrong-labels.onnx", labels_sha, "probabilities")}, mean))
    write_json("manifest-fixed-batch.json", manifest(
        "test-fixed-batch", {"logmel": entry("fixed-batch.onnx", fixed_sha, "probabilities")}, mean))

    write_pipeline_models()


# The default feature parameters' shapes for a 3-s snippet at 22050 Hz: 1 + 66150 // 512 STFT
# frames, and 64 whole 1024-sample frames of the raw waveform.
PIPELINE_LABELS = ["blues", "classical", "metal", "pop"]
PIPELINE_SHAPES = {
    "logmel": (130, 128),
    "spectrogram": (130, 1025),
    "chroma": (130, 12),
    "waveform": (64, 1024),
}


def write_pipeline_models():
    """One model per representation with the real default input shape, and their manifest."""
    n = len(PIPELINE_LABELS)
    # Statistics of roughly the right scale for each representation, so normalised inputs are of
    # order 1 and, with weights shrunk by sqrt(features), the logits stay of order 1 as well
    # instead of saturating every softmax.
    normalisations = {
        "logmel": {"mean": [-30.0 + 0.1 * j for j in range(128)], "std": [20.0 + 0.05 * j for j in range(128)]},
        "spectrogram": {"mean": [-40.0], "std": [20.0]},
        "chroma": {"mean": [0.4 + 0.01 * j for j in range(12)], "std": [0.3] * 12},
        "waveform": {"mean": [0.0], "std": [0.1]},
    }
    outputs = {"logmel": "logits", "spectrogram": "logits", "chroma": "probabilities", "waveform": "logits"}
    representations = {}
    for seed, (representation, (time, features)) in enumerate(PIPELINE_SHAPES.items(), start=101):
        file_name = "pipeline-" + representation + ".onnx"
        sha, _ = write_model(file_name, name="pipeline_" + representation, time=time, features=features,
                             labels=n, softmax=outputs[representation] == "probabilities", batch="batch",
                             seed=seed, weight_range=3.0 / np.sqrt(features))
        representations[representation] = entry(file_name, sha, outputs[representation], time=time,
                                                 features=features, normalisation=normalisations[representation])
    # The waveform model "did not beat chance": it has no reliability weights, so it is switched off.
    ensemble = {"strategy": "SELECTIVE_ACTIVATION", "reliability": {
        "logmel": [0.9, 0.6, 0.7, 0.8],
        "spectrogram": [0.5, 0.7, 0.6, 0.4],
        "chroma": [0.3, 0.8, 0.2, 0.5],
    }}
    write_json("pipeline-manifest.json", manifest("pipeline-test-1.0", representations, ensemble,
                                                  labels=PIPELINE_LABELS))


if __name__ == "__main__":
    main()
