import numpy as np
import pytest

from genreflow_train.metrics import summarise, track_probabilities


def test_summary_of_a_hand_worked_example():
    truth = np.array([0, 0, 0, 0, 1, 1, 2, 2])
    predicted = np.array([0, 0, 0, 1, 1, 0, 1, 2])
    result = summarise(truth, predicted, 4)
    assert result["accuracy"] == pytest.approx(5 / 8)
    # recalls 3/4, 1/2, 1/2 over the classes present in truth
    assert result["balanced_accuracy"] == pytest.approx((3 / 4 + 1 / 2 + 1 / 2) / 3)
    # precisions 3/4, 1/3, 1 -> F1 3/4, 2/5, 2/3; class 3 neither occurs nor is predicted
    assert result["macro_f1"] == pytest.approx((3 / 4 + 2 / 5 + 2 / 3) / 3)
    assert result["per_class"]["support"] == [4, 2, 2, 0]
    assert result["confusion"][0] == [3, 1, 0, 0]


def test_a_predicted_but_absent_class_lowers_macro_f1_not_balanced_accuracy():
    result = summarise(np.array([0, 0, 1, 1]), np.array([0, 2, 1, 1]), 3)
    assert result["balanced_accuracy"] == pytest.approx((1 / 2 + 1) / 2)
    assert result["macro_f1"] == pytest.approx((2 / 3 + 1 + 0) / 3)


def test_track_probabilities_average_each_tracks_snippets():
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5], [0.3, 0.7]])
    tracks = np.array([5, 2, 5, 5])
    ids, means = track_probabilities(probabilities, tracks)
    assert ids.tolist() == [2, 5]
    np.testing.assert_allclose(means, [[0.2, 0.8], [1.7 / 3, 1.3 / 3]])
