"""Synthetic prepared datasets in the training/DATASET_FORMAT.md layout, for tests, benchmarks and smoke runs."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ["blues", "classical", "pop"]
SHAPES = {"logmel": (12, 10), "spectrogram": (12, 300)}
AUGMENTATIONS = ["none", "gain"]


@dataclass(frozen=True)
class Track:
    label: int
    split: str
    fold: int


def imbalanced_tracks() -> list[Track]:
    """Six 'classical' tracks against three each of 'blues' and 'pop', spread over splits and 3 folds."""
    layout = [(1, "train"), (1, "train"), (1, "train"), (1, "train"), (1, "validation"), (1, "test"),
              (0, "train"), (0, "validation"), (0, "test"), (2, "train"), (2, "validation"), (2, "test")]
    return [Track(label, split, index % 3) for index, (label, split) in enumerate(layout)]


def write_dataset(root: Path, *, tracks: list[Track] | None = None, shapes: dict | None = None,
                  labels: list[str] | None = None, augmentations: list[str] | None = None,
                  snippets_per_track: int = 3, shard_rows: int = 7, silent_every: int = 5, seed: int = 0) -> Path:
    """Writes dataset.json, tracks.csv, snippets.csv and float16 shards; returns `root`.

    Rows go track by track, augmentation by augmentation. Features are noise around a per-column
    offset and scale plus a label-dependent shift, so normalisation matters and labels are learnable.
    Every `silent_every`-th row is marked silent.
    """
    tracks = imbalanced_tracks() if tracks is None else tracks
    shapes = SHAPES if shapes is None else shapes
    labels = LABELS if labels is None else labels
    augmentations = AUGMENTATIONS if augmentations is None else augmentations
    rng = np.random.default_rng(seed)
    root.mkdir(parents=True, exist_ok=True)

    rows = [(number, augmentation, snippet) for number in range(len(tracks))
            for augmentation in augmentations for snippet in range(snippets_per_track)]
    reference = np.array([tracks[t].split == "train" and a == "none" for t, a, _ in rows])
    description = {
        "schemaVersion": 1,
        "labels": labels,
        "features": {"sampleRate": 22050, "nFft": 2048, "hopLength": 512, "nMels": 128, "fMin": 0.0,
                     "fMax": 11025.0, "nChroma": 12, "topDb": 80.0, "waveformFrameLength": 1024,
                     "waveformHopLength": 1024},
        "snippet": {"lengthSeconds": 3.0, "hopSeconds": 1.0},
        "representations": {name: {"shape": list(shape)} for name, shape in shapes.items()},
        "normalisation": {},
        "splits": {"seed": 42, "validationFraction": 0.15, "testFraction": 0.15, "folds": 3, "groupColumn": None},
        "augmentations": augmentations,
        "shards": [{"name": f"part-{index:05d}", "rows": len(rows[start:start + shard_rows])}
                   for index, start in enumerate(range(0, len(rows), shard_rows))],
    }
    for name, (frames, features) in shapes.items():
        offset = rng.uniform(-20, 20, features)
        scale = rng.uniform(0.5, 4, features)
        values = np.stack([rng.standard_normal((frames, features)) * scale + offset + tracks[t].label
                           for t, _, _ in rows]).astype(np.float16)
        folder = root / name
        folder.mkdir(exist_ok=True)
        for shard, start in zip(description["shards"], range(0, len(rows), shard_rows)):
            np.save(folder / f"{shard['name']}.npy", values[start:start + shard_rows])
        train_values = values[reference].astype(np.float64)
        description["normalisation"][name] = {"mean": train_values.mean(axis=(0, 1)).tolist(),
                                              "std": train_values.std(axis=(0, 1)).tolist()}
    (root / "dataset.json").write_text(json.dumps(description, indent=1), encoding="utf-8")

    with (root / "tracks.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["track", "id", "path", "label", "group", "split", "fold", "duration_seconds"])
        for number, track in enumerate(tracks):
            writer.writerow([number, f"t{number:04d}", f"{labels[track.label]}/{number}.ogg", track.label, "",
                             track.split, track.fold, 5.0])
    with (root / "snippets.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["row", "track", "label", "split", "fold", "augmentation", "start_sample", "silent"])
        for row, (number, augmentation, snippet) in enumerate(rows):
            track = tracks[number]
            writer.writerow([row, number, track.label, track.split, track.fold, augmentation, snippet * 22050,
                             "true" if row % silent_every == silent_every - 1 else "false"])
    return root
