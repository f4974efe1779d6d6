"""Which snippets a run trains and validates on, the class weights, and normalised batches."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .dataset import ORIGINAL_AUDIO, DatasetError, Normalisation, PreparedDataset, ShardedFeatures


@dataclass(frozen=True)
class SplitPlan:
    """Row numbers of the training and validation snippets of one run."""

    name: str
    train_rows: np.ndarray
    validation_rows: np.ndarray


def plan_split(dataset: PreparedDataset, *, fold: int | None, augmentations: list[str] | None,
               skip_silent: bool) -> SplitPlan:
    """Hold-out (fold None): train on split 'train', validate on split 'validation'.

    k-fold: train on folds != fold, validate on fold `fold`. Folds are assigned over all tracks
    (DATASET_FORMAT.md), so fold runs also see tracks of the hold-out test split.
    Training uses the chosen augmentations (all by default); validation always uses the original
    audio only, silent snippets included (the dataset contract does not say serving skips them).
    """
    snippets = dataset.snippets
    available = dataset.description.get("augmentations", [ORIGINAL_AUDIO])
    chosen = list(available) if augmentations is None else augmentations
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        raise DatasetError(f"augmentation(s) {unknown} are not in this dataset; it has {', '.join(available)}")
    if fold is None:
        name, train, validation = "holdout", snippets.split == "train", snippets.split == "validation"
    else:
        folds = int(dataset.description["splits"]["folds"])
        if not 0 <= fold < folds:
            raise DatasetError(f"fold {fold} does not exist; this dataset has folds 0..{folds - 1}")
        name, train, validation = f"fold-{fold}", snippets.fold != fold, snippets.fold == fold
    train &= np.isin(snippets.augmentation, chosen)
    if skip_silent:
        train &= ~snippets.silent
    validation &= snippets.augmentation == ORIGINAL_AUDIO
    plan = SplitPlan(name, np.flatnonzero(train), np.flatnonzero(validation))
    if len(plan.train_rows) == 0:
        raise DatasetError(f"{name} leaves no training snippets (augmentations {chosen}, skip silent {skip_silent})")
    if len(plan.validation_rows) == 0:
        raise DatasetError(f"{name} leaves no validation snippets; prepare with a validation split or pick another fold")
    return plan


def class_weights(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Inverse-frequency loss weights N / (K * n_c) over the K classes present; absent classes get 0.

    With these weights every present class contributes the same total weight to the loss, so the
    two 100-track classes cannot drown the ~15-track ones; a balanced set gets weight 1 everywhere.
    """
    counts = np.bincount(labels, minlength=n_classes).astype(np.float64)
    present = counts > 0
    weights = np.zeros(n_classes)
    weights[present] = counts.sum() / (present.sum() * counts[present])
    return weights


class FeatureReader:
    """Normalised float32 batches [B, T, F] of one representation, read by row number."""

    def __init__(self, features: ShardedFeatures, normalisation: Normalisation):
        self._features = features
        self._normalisation = normalisation

    @staticmethod
    def of(dataset: PreparedDataset, representation: str) -> "FeatureReader":
        return FeatureReader(dataset.features(representation), dataset.normalisation(representation))

    def read(self, rows: np.ndarray) -> np.ndarray:
        batch = self._normalisation.apply(self._features.gather(rows))
        if not np.isfinite(batch).all():
            bad = rows[np.flatnonzero(~np.isfinite(batch).reshape(len(rows), -1).all(axis=1))]
            raise DatasetError(f"snippet row(s) {bad[:5].tolist()} hold NaN or infinite features; re-prepare them")
        return batch


def epoch_batches(n_rows: int, batch_size: int, seed: int, epoch: int, epoch_size: int | None) -> list[np.ndarray]:
    """Positions (into the training rows) of each batch of an epoch: a fresh seeded shuffle per epoch.

    Seeding by (seed, epoch) makes the order a pure function of the epoch, so a resumed run can
    rebuild it and skip the batches it already trained on. With `epoch_size` an epoch is a
    different random subset of that many snippets. A trailing batch of one snippet is dropped
    because batch normalisation cannot train on a single example.
    """
    order = np.random.default_rng([seed, epoch]).permutation(n_rows)
    if epoch_size is not None:
        order = order[:epoch_size]
    batches = [order[start:start + batch_size] for start in range(0, len(order), batch_size)]
    return [batch for batch in batches if len(batch) > 1]
