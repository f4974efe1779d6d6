import json

import numpy as np
import pytest

from genreflow_train import synthetic
from genreflow_train.data import FeatureReader
from genreflow_train.dataset import DatasetError, Normalisation, open_dataset


def all_rows(dataset_dir, representation):
    files = sorted((dataset_dir / representation).glob("part-*.npy"))
    return np.concatenate([np.load(f) for f in files]).astype(np.float32)


def test_reads_tables_and_shapes_from_the_files(dataset):
    assert dataset.labels == synthetic.LABELS
    assert dataset.input_shape("logmel") == (12, 10)
    assert dataset.input_shape("spectrogram") == (12, 300)
    assert len(dataset.snippets) == 12 * 2 * 3
    assert dataset.snippets.silent.sum() == len(dataset.snippets) // 5
    assert dataset.tracks.id[3] == "t0003"


def test_gather_returns_requested_rows_in_order_across_shards(dataset, dataset_dir):
    expected = all_rows(dataset_dir, "spectrogram")
    rows = np.array([70, 0, 6, 7, 13, 14, 3, 70])  # shards hold 7 rows: crosses several boundaries
    np.testing.assert_array_equal(dataset.features("spectrogram").gather(rows), expected[rows])


def test_reader_normalises_with_the_dataset_statistics(dataset, dataset_dir):
    stats = json.loads((dataset_dir / "dataset.json").read_text())["normalisation"]["logmel"]
    rows = np.array([5, 1])
    batch = FeatureReader.of(dataset, "logmel").read(rows)
    expected = (all_rows(dataset_dir, "logmel")[rows] - np.float32(stats["mean"])) / np.float32(stats["std"])
    np.testing.assert_allclose(batch, expected, rtol=1e-6, atol=1e-6)


def test_training_rows_come_out_standardised(dataset):
    rows = np.flatnonzero((dataset.snippets.split == "train") & (dataset.snippets.augmentation == "none"))
    batch = FeatureReader.of(dataset, "logmel").read(rows)
    np.testing.assert_allclose(batch.mean(axis=(0, 1)), 0, atol=1e-3)
    np.testing.assert_allclose(batch.std(axis=(0, 1)), 1, atol=1e-3)


def test_constant_columns_are_only_centred():
    stats = Normalisation.from_stats([1.0, 2.0], [0.0, 4.0])
    np.testing.assert_array_equal(stats.apply(np.array([[3.0, 10.0]], dtype=np.float32)), [[2.0, 2.0]])


def test_unknown_representation_names_the_prepared_ones(dataset):
    with pytest.raises(DatasetError, match="'chroma' was not prepared.*logmel, spectrogram"):
        dataset.input_shape("chroma")


def edit_json(root, change):
    path = root / "dataset.json"
    description = json.loads(path.read_text())
    change(description)
    path.write_text(json.dumps(description))


def test_rejects_other_schema_versions(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    edit_json(root, lambda d: d.update(schemaVersion=2))
    with pytest.raises(DatasetError, match="schemaVersion 2"):
        open_dataset(root)


def test_rejects_a_folder_without_dataset_json(tmp_path):
    with pytest.raises(DatasetError, match="no dataset.json"):
        open_dataset(tmp_path)


def test_rejects_shard_rows_that_disagree_with_snippets_csv(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    edit_json(root, lambda d: d["shards"][0].update(rows=6))
    with pytest.raises(DatasetError, match="shards hold 71 rows but snippets.csv lists 72"):
        open_dataset(root)


def test_rejects_a_shard_with_the_wrong_shape(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    np.save(root / "logmel" / "part-00001.npy", np.zeros((7, 12, 9), dtype=np.float16))
    with pytest.raises(DatasetError, match=r"part-00001.npy holds float16 \[7, 12, 9\].*\[7, 12, 10\]"):
        open_dataset(root).features("logmel")


def test_rejects_a_missing_shard(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    (root / "spectrogram" / "part-00002.npy").unlink()
    with pytest.raises(DatasetError, match="missing shard"):
        open_dataset(root).features("spectrogram")


def test_rejects_out_of_range_labels(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    path = root / "snippets.csv"
    lines = path.read_text().splitlines()
    lines[4] = lines[4].replace(",1,train,", ",7,train,", 1)
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DatasetError, match="line 5: label 7 is outside 0..2"):
        open_dataset(root)


def test_rejects_rows_out_of_shard_order(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    path = root / "snippets.csv"
    lines = path.read_text().splitlines()
    lines[2], lines[3] = lines[3], lines[2]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DatasetError, match="line 3 has row 2, expected 1"):
        open_dataset(root)


def test_rejects_non_finite_features(tmp_path):
    root = synthetic.write_dataset(tmp_path / "d")
    shard = np.load(root / "logmel" / "part-00000.npy")
    shard[2, 0, 0] = np.inf
    np.save(root / "logmel" / "part-00000.npy", shard)
    reader = FeatureReader.of(open_dataset(root), "logmel")
    with pytest.raises(DatasetError, match=r"row\(s\) \[2\] hold NaN or infinite"):
        reader.read(np.array([1, 2, 3]))
