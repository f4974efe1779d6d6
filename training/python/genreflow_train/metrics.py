"""Classification metrics and the snippet-to-track aggregation used for validation."""
from __future__ import annotations

import numpy as np


def confusion_matrix(truth: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """counts[true, predicted]."""
    return np.bincount(truth * n_classes + predicted, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def summarise(truth: np.ndarray, predicted: np.ndarray, n_classes: int) -> dict:
    """Accuracy, balanced accuracy, macro-F1 and per-class precision/recall/F1 of hard predictions.

    Balanced accuracy is the mean recall over classes that occur in `truth`. Macro-F1 averages
    over classes that occur in `truth` or `predicted` (a class predicted but absent still costs).
    Undefined ratios (no support, no predictions) count as 0.
    """
    counts = confusion_matrix(truth, predicted, n_classes)
    hits = np.diag(counts).astype(np.float64)
    support = counts.sum(axis=1)
    predicted_count = counts.sum(axis=0)
    recall = _ratio(hits, support)
    precision = _ratio(hits, predicted_count)
    f1 = _ratio(2 * precision * recall, precision + recall)
    occurring = support > 0
    scored = occurring | (predicted_count > 0)
    return {
        "count": int(len(truth)),
        "accuracy": float(hits.sum() / max(len(truth), 1)),
        "balanced_accuracy": float(recall[occurring].mean()) if occurring.any() else 0.0,
        "macro_f1": float(f1[scored].mean()) if scored.any() else 0.0,
        "per_class": {"precision": precision.tolist(), "recall": recall.tolist(), "f1": f1.tolist(),
                      "support": support.tolist()},
        "confusion": counts.tolist(),
    }


def track_probabilities(probabilities: np.ndarray, tracks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean snippet probability per track (divide & conquer): (track numbers ascending, [tracks, C])."""
    track_ids, position = np.unique(tracks, return_inverse=True)
    sums = np.zeros((len(track_ids), probabilities.shape[1]))
    np.add.at(sums, position, probabilities)
    return track_ids, sums / np.bincount(position)[:, None]


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    return np.divide(numerator, denominator, out=np.zeros(len(numerator)), where=denominator > 0)
