"""Reads a prepared dataset folder as described in training/DATASET_FORMAT.md (schema version 1).

The shards are memory-mapped, never loaded whole: a spectrogram representation can be gigabytes.
"""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SCHEMA_VERSION = 1
ORIGINAL_AUDIO = "none"
SPLITS = ("train", "validation", "test")
SNIPPET_COLUMNS = ["row", "track", "label", "split", "fold", "augmentation", "start_sample", "silent"]
TRACK_COLUMNS = ["track", "id", "path", "label", "group", "split", "fold", "duration_seconds"]
# A feature column whose training values are (almost) constant carries no information; dividing
# by its tiny std would turn serving-time noise into huge inputs, so such columns are only centred.
MIN_STD = 1e-6


class DatasetError(Exception):
    """The dataset folder does not match the prepared dataset format; the message says what is wrong."""


@dataclass(frozen=True)
class Snippets:
    """The columns of snippets.csv; entry i describes row i of every representation's shards."""

    track: np.ndarray
    label: np.ndarray
    split: np.ndarray
    fold: np.ndarray
    augmentation: np.ndarray
    silent: np.ndarray

    def __len__(self) -> int:
        return len(self.track)


@dataclass(frozen=True)
class Tracks:
    """The columns of tracks.csv that training reports need, indexed by track number."""

    id: np.ndarray
    path: np.ndarray
    label: np.ndarray


@dataclass(frozen=True)
class Normalisation:
    """Per-feature-column standardisation: x -> (x - mean) / std."""

    mean: np.ndarray
    std: np.ndarray

    @staticmethod
    def from_stats(mean, std) -> "Normalisation":
        mean = np.asarray(mean, dtype=np.float32)
        std = np.asarray(std, dtype=np.float32)
        return Normalisation(mean, np.where(std < MIN_STD, np.float32(1.0), std))

    def apply(self, features: np.ndarray) -> np.ndarray:
        """Normalises float32 features [..., F] in place and returns them."""
        features -= self.mean
        features /= self.std
        return features


class ShardedFeatures:
    """One representation's shards read as a single [rows, T, F] array, lazily through memory maps."""

    def __init__(self, files: list[Path], rows_per_shard: list[int], shape: tuple[int, int]):
        self.shape = shape
        self._shards = [self._open(path, rows, shape) for path, rows in zip(files, rows_per_shard)]
        self._starts = np.concatenate([[0], np.cumsum(rows_per_shard)]).astype(np.int64)

    @staticmethod
    def _open(path: Path, rows: int, shape: tuple[int, int]) -> np.ndarray:
        if not path.is_file():
            raise DatasetError(f"missing shard {path}; re-run prepare or check the dataset folder")
        try:
            array = np.load(path, mmap_mode="r")
        except ValueError as error:
            raise DatasetError(f"{path} is not a readable .npy file: {error}") from error
        if array.dtype != np.float16 or array.shape != (rows, *shape):
            raise DatasetError(f"{path} holds {array.dtype} {list(array.shape)}, dataset.json promises "
                               f"float16 {[rows, *shape]}")
        return array

    def gather(self, rows: np.ndarray) -> np.ndarray:
        """The given rows as a new float32 array [len(rows), T, F], in the order asked for."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.empty((len(rows), *self.shape), dtype=np.float32)
        shard_of_row = np.searchsorted(self._starts, rows, side="right") - 1
        for shard in np.unique(shard_of_row):
            positions = np.flatnonzero(shard_of_row == shard)
            # Reading each shard's rows in ascending order keeps the page-cache access sequential.
            positions = positions[np.argsort(rows[positions], kind="stable")]
            out[positions] = self._shards[shard][rows[positions] - self._starts[shard]]
        return out


@dataclass(frozen=True)
class PreparedDataset:
    """A prepared dataset folder: its description, snippet and track tables, and feature shards."""

    root: Path
    description: dict
    labels: list[str]
    snippets: Snippets
    tracks: Tracks
    fingerprint: str

    @property
    def representations(self) -> list[str]:
        return list(self.description["representations"])

    def input_shape(self, representation: str) -> tuple[int, int]:
        self._require(representation)
        frames, features = self.description["representations"][representation]["shape"]
        return int(frames), int(features)

    def normalisation(self, representation: str) -> Normalisation:
        self._require(representation)
        stats = self.description.get("normalisation", {}).get(representation)
        if stats is None:
            raise DatasetError(f"dataset.json has no normalisation for {representation!r}")
        stats = Normalisation.from_stats(stats["mean"], stats["std"])
        width = self.input_shape(representation)[1]
        if stats.mean.shape != (width,) or stats.std.shape != (width,):
            raise DatasetError(f"normalisation for {representation!r} must have {width} means and stds, got "
                               f"{stats.mean.shape[0]} and {stats.std.shape[0]}")
        return stats

    def features(self, representation: str) -> ShardedFeatures:
        shape = self.input_shape(representation)
        shards = self.description["shards"]
        files = [self.root / representation / f"{shard['name']}.npy" for shard in shards]
        return ShardedFeatures(files, [int(shard["rows"]) for shard in shards], shape)

    def _require(self, representation: str) -> None:
        if representation not in self.description["representations"]:
            raise DatasetError(f"representation {representation!r} was not prepared; this dataset has "
                               f"{', '.join(self.representations)}")


def open_dataset(root) -> PreparedDataset:
    """Reads and cross-checks dataset.json, tracks.csv and snippets.csv (shards open on demand)."""
    root = Path(root)
    description = _read_description(root)
    labels = list(description["labels"])
    snippets = _read_snippets(root / "snippets.csv", len(labels), int(description["splits"]["folds"]))
    tracks = _read_tracks(root / "tracks.csv", len(labels))
    _check_consistency(description, snippets, tracks)
    return PreparedDataset(root, description, labels, snippets, tracks, _fingerprint(root))


def _read_description(root: Path) -> dict:
    path = root / "dataset.json"
    if not path.is_file():
        raise DatasetError(f"{root} has no dataset.json; pass the folder written by the prepare command")
    try:
        description = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DatasetError(f"{path} is not valid JSON: {error}") from error
    if description.get("schemaVersion") != SCHEMA_VERSION:
        raise DatasetError(f"{path} has schemaVersion {description.get('schemaVersion')!r}; this trainer reads "
                           f"version {SCHEMA_VERSION}")
    for key in ("labels", "representations", "normalisation", "splits", "shards"):
        if key not in description:
            raise DatasetError(f"{path} lacks the {key!r} field")
    if len(description["labels"]) < 2:
        raise DatasetError(f"{path} lists {len(description['labels'])} label(s); classification needs at least 2")
    return description


def _read_rows(path: Path, columns: list[str]) -> list[list[str]]:
    if not path.is_file():
        raise DatasetError(f"missing {path}")
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.reader(file)
        header = next(reader, None)
        if header != columns:
            raise DatasetError(f"{path} header is {header}, expected {columns}")
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        if len(row) != len(columns):
            raise DatasetError(f"{path} line {line} has {len(row)} fields, expected {len(columns)}")
    return rows


def _int_column(rows: list[list[str]], index: int, path: Path, name: str) -> np.ndarray:
    try:
        return np.array([int(row[index]) for row in rows], dtype=np.int64)
    except ValueError as error:
        raise DatasetError(f"{path} column {name!r} must hold integers: {error}") from error


def _check_range(values: np.ndarray, upper: int, path: Path, name: str) -> None:
    bad = np.flatnonzero((values < 0) | (values >= upper))
    if len(bad):
        raise DatasetError(f"{path} line {bad[0] + 2}: {name} {values[bad[0]]} is outside 0..{upper - 1}")


def _read_snippets(path: Path, n_labels: int, n_folds: int) -> Snippets:
    rows = _read_rows(path, SNIPPET_COLUMNS)
    numbers = _int_column(rows, 0, path, "row")
    if not np.array_equal(numbers, np.arange(len(rows))):
        first = int(np.flatnonzero(numbers != np.arange(len(rows)))[0])
        raise DatasetError(f"{path} line {first + 2} has row {numbers[first]}, expected {first}: rows must be "
                           f"numbered 0, 1, 2, ... in shard order")
    label = _int_column(rows, 2, path, "label")
    fold = _int_column(rows, 4, path, "fold")
    _check_range(label, n_labels, path, "label")
    _check_range(fold, n_folds, path, "fold")
    split = np.array([row[3] for row in rows])
    unknown = sorted(set(split.tolist()) - set(SPLITS))
    if unknown:
        raise DatasetError(f"{path} has unknown split value(s) {unknown}; expected one of {list(SPLITS)}")
    silent_text = np.array([row[7] for row in rows])
    if not np.isin(silent_text, ["true", "false"]).all():
        raise DatasetError(f"{path} column 'silent' must be 'true' or 'false'")
    return Snippets(track=_int_column(rows, 1, path, "track"), label=label, split=split, fold=fold,
                    augmentation=np.array([row[5] for row in rows]), silent=silent_text == "true")


def _read_tracks(path: Path, n_labels: int) -> Tracks:
    rows = _read_rows(path, TRACK_COLUMNS)
    numbers = _int_column(rows, 0, path, "track")
    if not np.array_equal(numbers, np.arange(len(rows))):
        raise DatasetError(f"{path} must list tracks 0, 1, 2, ... in order")
    label = _int_column(rows, 3, path, "label")
    _check_range(label, n_labels, path, "label")
    return Tracks(id=np.array([row[1] for row in rows]), path=np.array([row[2] for row in rows]), label=label)


def _check_consistency(description: dict, snippets: Snippets, tracks: Tracks) -> None:
    shard_rows = sum(int(shard["rows"]) for shard in description["shards"])
    if shard_rows != len(snippets):
        raise DatasetError(f"dataset.json shards hold {shard_rows} rows but snippets.csv lists {len(snippets)}")
    _check_range(snippets.track, len(tracks.label), Path("snippets.csv"), "track")
    mismatch = np.flatnonzero(tracks.label[snippets.track] != snippets.label)
    if len(mismatch):
        row = int(mismatch[0])
        raise DatasetError(f"snippets.csv row {row} has label {snippets.label[row]} but its track "
                           f"{snippets.track[row]} has label {tracks.label[snippets.track[row]]} in tracks.csv")
    unknown = sorted(set(snippets.augmentation.tolist()) - set(description.get("augmentations", [ORIGINAL_AUDIO])))
    if unknown:
        raise DatasetError(f"snippets.csv uses augmentation(s) {unknown} that dataset.json does not list")


def _fingerprint(root: Path) -> str:
    """Content hash of the files that define what the shards mean; a resumed run must see the same."""
    digest = hashlib.sha256()
    for name in ("dataset.json", "tracks.csv", "snippets.csv"):
        with (root / name).open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()
