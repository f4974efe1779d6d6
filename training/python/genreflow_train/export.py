"""Turns a run's best checkpoint into model.onnx plus the files serving and the Java tests need."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import warnings
from pathlib import Path
from typing import Callable

import numpy as np
import onnx
import torch

from .data import FeatureReader
from .dataset import PreparedDataset
from .evaluation import evaluate
from .models import ModelSpec, build_model, parameter_count
from .training import BEST, CHECKPOINT, RunMismatchError, TrainingConfig

OPSET = 17
INPUT_NAME = "input"
OUTPUT_NAME = "logits"
BATCH_AXIS = "batch"
PARITY_SNIPPETS = 8
MODEL_FILE = "model.onnx"
EXPORT_FILES = (MODEL_FILE, "parity_inputs.npy", "parity_logits.npy", "metrics.json", "history.json",
                "validation_predictions.csv")


class ExportError(Exception):
    """The exported ONNX graph is not what serving expects."""


def export_run(dataset: PreparedDataset, out_dir: Path, device: torch.device = torch.device("cpu"),
               log: Callable[[str], None] = print) -> dict:
    """Exports the best epoch's weights (or the latest, if no epoch has finished); returns metrics.json's content."""
    out_dir = Path(out_dir)
    checkpoint = torch.load(out_dir / CHECKPOINT, map_location="cpu")
    identity = checkpoint["identity"]
    if identity["dataset"] != dataset.fingerprint:
        raise RunMismatchError(f"{out_dir} was trained on a different dataset (content hash differs)")
    config = TrainingConfig.from_dict(identity["config"])
    spec = ModelSpec.from_dict(identity["model"])
    progress = checkpoint["progress"]
    best_path = out_dir / BEST
    model = build_model(spec)
    model.load_state_dict(torch.load(best_path, map_location="cpu")["model"] if best_path.is_file()
                          else checkpoint["model"])
    model.to(device).eval()

    plan = config.split_plan(dataset)
    reader = FeatureReader.of(dataset, config.representation)
    class_weights = np.asarray(checkpoint["class_weights"])
    evaluation = evaluate(model, reader, plan.validation_rows, dataset.snippets, class_weights,
                          config.batch_size * 2, device)
    model.cpu()

    parity_inputs = _parity_inputs(reader, plan.validation_rows, spec, config.seed)
    with torch.no_grad():
        parity_logits = model(torch.from_numpy(parity_inputs)).numpy()
    export_onnx(model, spec, out_dir / MODEL_FILE)
    np.save(out_dir / "parity_inputs.npy", parity_inputs)
    np.save(out_dir / "parity_logits.npy", parity_logits.astype(np.float32))

    metrics = _camel_keys({
        "schema_version": 1,
        "representation": config.representation,
        "architecture": spec.arch,
        "model": spec.to_dict(),
        "parameters": parameter_count(model),
        "labels": dataset.labels,
        "input_name": INPUT_NAME,
        "input_shape": [spec.n_frames, spec.n_features],
        "output_name": OUTPUT_NAME,
        "output": "logits",
        "onnx": {"file": MODEL_FILE, "opset": OPSET, "sha256": _sha256(out_dir / MODEL_FILE)},
        "split": plan.name,
        "dataset": {"path": str(dataset.root), "fingerprint": dataset.fingerprint},
        "train_snippets": int(len(plan.train_rows)),
        "validation_snippets": int(len(plan.validation_rows)),
        "best_epoch": progress["best_epoch"],
        "epochs_trained": progress["epoch"],
        "steps": progress["global_step"],
        "stop_reason": progress["stop_reason"],
        "training_seconds": progress["train_seconds"],
        "seed": config.seed,
        "hyper_parameters": config.to_dict(),
        "class_weights": class_weights.tolist(),
        "validation": {"loss": evaluation.loss, "snippet": evaluation.snippet, "track": evaluation.track},
        "normalisation": _applied_normalisation(dataset, config.representation),
        # Copied so that a run folder alone is enough to write the model manifest.
        "features": dataset.description.get("features"),
        "snippet": dataset.description.get("snippet"),
        "torch": torch.__version__,
    })
    _write_json(out_dir / "metrics.json", metrics)
    _write_json(out_dir / "history.json", _camel_keys(progress["history"]))
    _write_track_predictions(out_dir / "validation_predictions.csv", dataset, evaluation.track_ids,
                             evaluation.track_probabilities)
    log(f"exported {out_dir / MODEL_FILE} (epoch {progress['best_epoch']}, track balanced accuracy "
        f"{evaluation.track['balanced_accuracy']:.3f}, snippet {evaluation.snippet['balanced_accuracy']:.3f})")
    return metrics


def _applied_normalisation(dataset: PreparedDataset, representation: str) -> dict:
    """The statistics actually applied (near-constant columns are only centred): serving must use
    exactly these, so the manifest should copy them from metrics.json rather than dataset.json."""
    normalisation = dataset.normalisation(representation)
    return {"mean": normalisation.mean.tolist(), "std": normalisation.std.tolist()}


def export_onnx(model: torch.nn.Module, spec: ModelSpec, path: Path) -> None:
    """Writes the eval-mode model as ONNX (fixed T and F, dynamic batch), checked before it replaces `path`."""
    model.eval()
    example = torch.zeros(2, spec.n_frames, spec.n_features)
    temporary = path.with_name(path.name + ".tmp")
    with warnings.catch_warnings():
        # torch 1.13 warns that a traced RNN might fix the batch size; it does not here: the initial
        # state is built from the input's Shape (ConstantOfShape), and the parity fixture uses a
        # batch of 8 against the traced batch of 2, so ONNX Runtime would catch a fixed batch.
        warnings.filterwarnings("ignore", message="Exporting a model to ONNX with a batch_size other than 1")
        warnings.filterwarnings("ignore", message="The shape inference of prim::Constant type is missing")
        # The RNN modules' own input-size checks are traced as constants, which is right: T and F are fixed.
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning, module="torch.nn.modules.rnn")
        torch.onnx.export(model, example, str(temporary), opset_version=OPSET, input_names=[INPUT_NAME],
                          output_names=[OUTPUT_NAME],
                          dynamic_axes={INPUT_NAME: {0: BATCH_AXIS}, OUTPUT_NAME: {0: BATCH_AXIS}})
    graph = onnx.load(str(temporary))
    onnx.checker.check_model(graph)
    _check_signature(graph, spec)
    os.replace(temporary, path)


def graph_signature(graph: onnx.ModelProto) -> dict:
    """{name: [dims]} of the graph's inputs and outputs; a symbolic dim appears as its name."""
    def dims(value):
        return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]
    return {value.name: dims(value) for value in [*graph.graph.input, *graph.graph.output]}


def _check_signature(graph: onnx.ModelProto, spec: ModelSpec) -> None:
    expected = {INPUT_NAME: [BATCH_AXIS, spec.n_frames, spec.n_features], OUTPUT_NAME: [BATCH_AXIS, spec.n_classes]}
    actual = graph_signature(graph)
    if actual != expected:
        raise ExportError(f"exported graph has inputs/outputs {actual}, expected {expected}")


def _parity_inputs(reader: FeatureReader, validation_rows: np.ndarray, spec: ModelSpec, seed: int) -> np.ndarray:
    """Eight normalised validation snippets spread over the set; seeded noise fills up if there are fewer."""
    count = min(PARITY_SNIPPETS, len(validation_rows))
    picked = validation_rows[np.linspace(0, len(validation_rows) - 1, count).round().astype(int)]
    real = reader.read(picked) if count else np.empty((0, spec.n_frames, spec.n_features), np.float32)
    filler = np.random.default_rng(seed).standard_normal(
        (PARITY_SNIPPETS - count, spec.n_frames, spec.n_features)).astype(np.float32)
    return np.concatenate([real, filler])


def _write_track_predictions(path: Path, dataset: PreparedDataset, track_ids: np.ndarray,
                             probabilities: np.ndarray) -> None:
    """Per validation track: its mean snippet probabilities, the input for ensemble weighting/stacking."""
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["track", "id", "label", *dataset.labels])
        for track, row in zip(track_ids.tolist(), probabilities):
            writer.writerow([track, dataset.tracks.id[track], int(dataset.tracks.label[track]),
                             *(f"{p:.6f}" for p in row)])


def _camel_keys(value):
    """JSON outputs use camelCase keys, like dataset.json and the Java records that read them."""
    if isinstance(value, dict):
        return {_camel(key): _camel_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_camel_keys(item) for item in value]
    return value


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def _write_json(path: Path, value) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
