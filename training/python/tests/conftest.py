import genreflow_train  # noqa: F401  (first: it sets the thread environment before numpy/torch load)
import pytest
import torch

from genreflow_train import synthetic
from genreflow_train.dataset import open_dataset

torch.set_num_threads(2)


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory):
    """A tiny imbalanced dataset (3 labels, 12 tracks, logmel [12, 10] and spectrogram [12, 300])."""
    return synthetic.write_dataset(tmp_path_factory.mktemp("dataset"))


@pytest.fixture(scope="session")
def dataset(dataset_dir):
    return open_dataset(dataset_dir)
