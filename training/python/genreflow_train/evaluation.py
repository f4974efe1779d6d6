"""Scores a model on validation snippets, per snippet and per track."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from .data import FeatureReader
from .dataset import Snippets
from .metrics import summarise, track_probabilities


@dataclass(frozen=True)
class Evaluation:
    """Validation results: class-weighted loss, snippet- and track-level metrics, track probabilities."""

    loss: float
    snippet: dict
    track: dict
    track_ids: np.ndarray
    track_probabilities: np.ndarray

    def score(self) -> tuple[float, float]:
        """Model-selection key, higher is better: track balanced accuracy, ties broken by snippet's.

        Track-level is what serving reports; with few validation tracks per class it moves in
        coarse steps, so the snippet-level figure separates epochs that tie on it.
        """
        return self.track["balanced_accuracy"], self.snippet["balanced_accuracy"]

    def headline(self) -> dict:
        """The scalar metrics, as kept per epoch in history.json."""
        return {"loss": self.loss,
                **{f"snippet_{k}": self.snippet[k] for k in ("accuracy", "balanced_accuracy", "macro_f1")},
                **{f"track_{k}": self.track[k] for k in ("accuracy", "balanced_accuracy", "macro_f1")}}


@torch.no_grad()
def predict_logits(model: torch.nn.Module, reader: FeatureReader, rows: np.ndarray, batch_size: int,
                   device: torch.device) -> np.ndarray:
    """Eval-mode logits [len(rows), C] of the given snippet rows; restores the model's mode after."""
    was_training = model.training
    model.eval()
    outputs = [model(torch.from_numpy(reader.read(rows[start:start + batch_size])).to(device)).cpu()
               for start in range(0, len(rows), batch_size)]
    model.train(was_training)
    return torch.cat(outputs).numpy()


def evaluate(model: torch.nn.Module, reader: FeatureReader, rows: np.ndarray, snippets: Snippets,
             loss_weights: np.ndarray, batch_size: int, device: torch.device) -> Evaluation:
    """Evaluates the model on the snippet rows `rows` (all snippets of each validation track)."""
    labels, tracks = snippets.label[rows], snippets.track[rows]
    logits = torch.from_numpy(predict_logits(model, reader, rows, batch_size, device)).double()
    target = torch.from_numpy(labels)
    weights = torch.from_numpy(loss_weights).double()
    # Same weighting as training; if validation holds only classes absent from training the
    # weighted mean is undefined, and the plain mean is the honest fallback.
    weighted = weights[target].sum() > 0
    loss = torch.nn.functional.cross_entropy(logits, target, weight=weights if weighted else None)
    probabilities = torch.softmax(logits, dim=1).numpy()
    n_classes = probabilities.shape[1]
    track_ids, per_track = track_probabilities(probabilities, tracks)
    _, first_snippet = np.unique(tracks, return_index=True)
    return Evaluation(
        loss=float(loss),
        snippet=summarise(labels, probabilities.argmax(axis=1), n_classes),
        track=summarise(labels[first_snippet], per_track.argmax(axis=1), n_classes),
        track_ids=track_ids,
        track_probabilities=per_track,
    )
