#!/usr/bin/python3
"""Writes the tiny ONNX snippet classifiers that the io.genreflow.training.models and
io.genreflow.training.evaluate tests package, calibrate and evaluate.

The tests prepare a small synthetic dataset with the training module's own prepare code: three
labels (bass: a low drone, hiss: broadband noise, tone: a high vibrato tone) at 8000 Hz, 1-s
snippets, FFT 512, hop 256, 16 mel bands. Every model here takes one of that dataset's snippet
shapes and computes

    logits = W^T . mean_over_time(x) + b        for x of shape [batch, time, features]

The "bands" models are hand-made readers of that audio: bass scores how much louder the bands
below 400 Hz are than those from 1800 Hz up, tone the opposite, and hiss wins (through its bias)
when neither end stands out. They do well on the synthetic data, so calibration has
representations that beat chance; the "random" models have seeded random weights and may not.
No model is trained: they only have to be deterministic and different.

Requirements (Debian): apt-get install -y python3-onnx python3-numpy
Run from anywhere:     /usr/bin/python3 training/src/test/fixtures-src/make-evaluation-models.py
"""
import math
import pathlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "evaluation-models"
OPSET = 17
IR_VERSION = 8  # pinned so the bytes do not depend on the onnx release

SAMPLE_RATE = 8000
N_FFT = 512
N_MELS = 16
FRAMES = 32  # 1 + 8000 // 256 centred STFT frames in a 1-s snippet
LABELS = 3   # bass (a low drone), hiss (noise), tone (a high vibrato tone), in this order
LOW_HZ = (0.0, 400.0)
HIGH_HZ = (1800.0, 3600.0)
CONTRAST_GAIN = 2.0
NOISE_BIAS = 1.0


def slaney_hz_to_mel(hz):
    """librosa's default (Slaney) mel scale: linear below 1 kHz, logarithmic above."""
    if hz < 1000.0:
        return hz / (200.0 / 3)
    return 15.0 + math.log(hz / 1000.0) / (math.log(6.4) / 27.0)


def slaney_mel_to_hz(mel):
    if mel < 15.0:
        return mel * 200.0 / 3
    return 1000.0 * math.exp((mel - 15.0) * math.log(6.4) / 27.0)


def mel_band_centres():
    top = slaney_hz_to_mel(SAMPLE_RATE / 2)
    return [slaney_mel_to_hz(top * (k + 1) / (N_MELS + 1)) for k in range(N_MELS)]


def fft_bin_frequencies():
    return [k * SAMPLE_RATE / N_FFT for k in range(N_FFT // 2 + 1)]


def band_weights(frequencies):
    """[features, labels]: low minus high contrast for label 0, its opposite for label 2, 0 for noise."""
    low = np.array([LOW_HZ[0] <= f < LOW_HZ[1] for f in frequencies], dtype=np.float64)
    high = np.array([HIGH_HZ[0] <= f < HIGH_HZ[1] for f in frequencies], dtype=np.float64)
    contrast = CONTRAST_GAIN * (low / low.sum() - high / high.sum())
    w = np.zeros((len(frequencies), LABELS), dtype=np.float32)
    w[:, 0] = contrast
    w[:, 2] = -contrast
    b = np.array([0.0, NOISE_BIAS, 0.0], dtype=np.float32)
    return w, b


def random_weights(features, seed):
    rng = np.random.RandomState(seed)
    w = rng.uniform(-1.0, 1.0, size=(features, LABELS)).astype(np.float32) / np.sqrt(features)
    b = rng.uniform(-0.5, 0.5, size=(LABELS,)).astype(np.float32)
    return w, b


def write_model(file_name, time, features, weights):
    w, b = weights
    nodes = [
        helper.make_node("ReduceMean", ["input"], ["pooled"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["pooled", "W"], ["projected"]),
        helper.make_node("Add", ["projected", "b"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, file_name.removesuffix(".onnx").replace("-", "_"),
        inputs=[helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", time, features])],
        outputs=[helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", LABELS])],
        initializer=[numpy_helper.from_array(w.astype(np.float32), "W"), numpy_helper.from_array(b, "b")],
    )
    model = helper.make_model(graph, producer_name="genreflow-test-fixtures",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    (OUT / file_name).write_bytes(model.SerializeToString())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write_model("logmel-bands.onnx", FRAMES, N_MELS, band_weights(mel_band_centres()))
    write_model("logmel-random.onnx", FRAMES, N_MELS, random_weights(N_MELS, seed=5))
    bins = fft_bin_frequencies()
    write_model("spectrogram-bands.onnx", FRAMES, len(bins), band_weights(bins))
    write_model("chroma-random.onnx", FRAMES, 12, random_weights(12, seed=7))


if __name__ == "__main__":
    main()
