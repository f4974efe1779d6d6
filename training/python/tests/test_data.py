import numpy as np
import pytest

from genreflow_train.data import class_weights, epoch_batches, plan_split
from genreflow_train.dataset import DatasetError


def test_holdout_trains_on_every_augmentation_and_validates_on_original_audio(dataset):
    plan = plan_split(dataset, fold=None, augmentations=None, skip_silent=False)
    snippets = dataset.snippets
    assert plan.name == "holdout"
    assert set(snippets.split[plan.train_rows]) == {"train"}
    assert set(snippets.augmentation[plan.train_rows]) == {"none", "gain"}
    assert len(plan.train_rows) == 6 * 2 * 3
    assert set(snippets.split[plan.validation_rows]) == {"validation"}
    assert set(snippets.augmentation[plan.validation_rows]) == {"none"}
    assert len(plan.validation_rows) == 3 * 3


def test_fold_validates_on_its_fold_and_trains_on_the_others(dataset):
    plan = plan_split(dataset, fold=0, augmentations=None, skip_silent=False)
    snippets = dataset.snippets
    assert plan.name == "fold-0"
    assert 0 not in set(snippets.fold[plan.train_rows])
    assert set(snippets.fold[plan.validation_rows]) == {0}
    assert set(snippets.split[plan.train_rows]) == {"train", "validation", "test"}
    assert len(plan.train_rows) + len(plan.validation_rows) * 2 == len(snippets)


def test_skipping_silent_snippets_applies_to_training_only(dataset):
    plan = plan_split(dataset, fold=None, augmentations=None, skip_silent=True)
    assert not dataset.snippets.silent[plan.train_rows].any()
    assert dataset.snippets.silent[plan.validation_rows].any()
    assert len(plan.train_rows) == 36 - dataset.snippets.silent[dataset.snippets.split == "train"].sum()


def test_augmentations_can_be_restricted(dataset):
    plan = plan_split(dataset, fold=None, augmentations=["gain"], skip_silent=False)
    assert set(dataset.snippets.augmentation[plan.train_rows]) == {"gain"}


def test_unknown_augmentation_is_refused(dataset):
    with pytest.raises(DatasetError, match=r"\['speed-2'\] are not in this dataset"):
        plan_split(dataset, fold=None, augmentations=["speed-2"], skip_silent=False)


def test_missing_fold_is_refused(dataset):
    with pytest.raises(DatasetError, match="fold 3 does not exist; this dataset has folds 0..2"):
        plan_split(dataset, fold=3, augmentations=None, skip_silent=False)


def test_class_weights_equalise_each_class_total():
    labels = np.array([1] * 60 + [0] * 30 + [3] * 10)
    weights = class_weights(labels, 4)
    # N / (K * n_c) with N = 100 and K = 3 present classes; class 2 is absent.
    np.testing.assert_allclose(weights, [100 / 90, 100 / 180, 0.0, 100 / 30])
    totals = np.bincount(labels, weights=weights[labels], minlength=4)
    np.testing.assert_allclose(totals[[0, 1, 3]], 100 / 3)


def test_class_weights_of_a_balanced_set_are_one():
    np.testing.assert_allclose(class_weights(np.array([0, 1, 2, 0, 1, 2]), 3), 1.0)


def test_epoch_batches_shuffle_all_rows_reproducibly_and_differently_per_epoch():
    first = epoch_batches(10, 4, seed=7, epoch=0, epoch_size=None)
    assert [len(b) for b in first] == [4, 4, 2]
    assert sorted(np.concatenate(first).tolist()) == list(range(10))
    again = epoch_batches(10, 4, seed=7, epoch=0, epoch_size=None)
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    second = epoch_batches(10, 4, seed=7, epoch=1, epoch_size=None)
    assert not np.array_equal(np.concatenate(first), np.concatenate(second))


def test_epoch_batches_drop_a_single_trailing_snippet_and_honour_epoch_size():
    assert [len(b) for b in epoch_batches(9, 4, seed=1, epoch=0, epoch_size=None)] == [4, 4]
    subset = epoch_batches(100, 8, seed=1, epoch=0, epoch_size=20)
    assert [len(b) for b in subset] == [8, 8, 4]
    assert len(set(np.concatenate(subset).tolist())) == 20
