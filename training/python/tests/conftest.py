import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest  # noqa: E402
import torch  # noqa: E402

from genreflow_train import synthetic  # noqa: E402
from genreflow_train.dataset import open_dataset  # noqa: E402

torch.set_num_threads(2)


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory):
    """A tiny imbalanced dataset (3 labels, 12 tracks, logmel [12, 10] and spectrogram [12, 300])."""
    return synthetic.write_dataset(tmp_path_factory.mktemp("dataset"))


@pytest.fixture(scope="session")
def dataset(dataset_dir):
    return open_dataset(dataset_dir)
