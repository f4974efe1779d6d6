import csv
import json
from types import SimpleNamespace

import numpy as np
import onnx
import pytest
import torch

from genreflow_train.data import FeatureReader
from genreflow_train.export import export_run, graph_signature
from genreflow_train.models import ARCHITECTURES, ModelSpec, build_model, parameter_count
from genreflow_train.training import BEST, CHECKPOINT, Budget, RunMismatchError, Trainer, TrainingConfig

# logmel [12, 10] is narrower than the width below; spectrogram [12, 300] is wider, so the
# projection (gru/lstm) and the strided stem (crnn) are exercised too.
COMBINATIONS = [(arch, representation) for arch in ARCHITECTURES for representation in ("logmel", "spectrogram")]


def quiet(_):
    pass


def make_trainer(dataset, arch, representation, out, **config):
    frames, features = dataset.input_shape(representation)
    spec = ModelSpec(arch, frames, features, len(dataset.labels), hidden=16, width=32, channels=(4, 8))
    config.setdefault("batch_size", 4)
    return Trainer(dataset, spec, TrainingConfig(representation, **config), out,
                   torch.device("cpu"), log=quiet)


def assert_same_state(left: dict, right: dict):
    assert left.keys() == right.keys()
    for key in left:
        assert torch.equal(left[key], right[key]), key


def assert_same_optimizer(left: dict, right: dict):
    assert left["param_groups"] == right["param_groups"]
    for slot in left["state"]:
        for name, value in left["state"][slot].items():
            assert torch.equal(value, right["state"][slot][name]), (slot, name)


@pytest.fixture(scope="module", params=COMBINATIONS, ids=[f"{a}-{r}" for a, r in COMBINATIONS])
def two_steps(request, dataset, tmp_path_factory):
    """An uninterrupted two-step run, exported."""
    arch, representation = request.param
    out = tmp_path_factory.mktemp(f"{arch}-{representation}")
    trainer = make_trainer(dataset, arch, representation, out)
    reason = trainer.train(Budget(max_steps=2))
    metrics = export_run(dataset, out, log=quiet)
    return SimpleNamespace(arch=arch, representation=representation, out=out, trainer=trainer, reason=reason,
                           metrics=metrics, shape=dataset.input_shape(representation))


def test_training_stops_at_the_step_budget_with_a_checkpoint(two_steps):
    assert two_steps.reason == "max-steps"
    assert two_steps.trainer.progress.global_step == 2
    assert two_steps.trainer.progress.epoch == 0
    assert (two_steps.out / CHECKPOINT).is_file()
    assert not (two_steps.out / BEST).exists()  # no epoch has finished yet


def test_exported_onnx_is_valid_with_a_dynamic_batch_and_fixed_shape(two_steps):
    graph = onnx.load(str(two_steps.out / "model.onnx"))
    onnx.checker.check_model(graph)
    frames, features = two_steps.shape
    assert graph_signature(graph) == {"input": ["batch", frames, features], "logits": ["batch", 3]}
    assert [o.version for o in graph.opset_import if o.domain in ("", "ai.onnx")] == [17]


def test_parity_fixture_is_validation_data_with_the_exported_weights_logits(two_steps, dataset):
    inputs = np.load(two_steps.out / "parity_inputs.npy")
    logits = np.load(two_steps.out / "parity_logits.npy")
    frames, features = two_steps.shape
    assert inputs.dtype == np.float32 and inputs.shape == (8, frames, features)
    assert logits.dtype == np.float32 and logits.shape == (8, 3)
    validation = two_steps.trainer.plan.validation_rows
    reader = FeatureReader.of(dataset, two_steps.representation)
    np.testing.assert_array_equal(inputs[0], reader.read(validation[:1])[0])
    np.testing.assert_array_equal(inputs[-1], reader.read(validation[-1:])[0])
    checkpoint = torch.load(two_steps.out / CHECKPOINT)
    model = build_model(ModelSpec.from_dict(checkpoint["identity"]["model"]))
    model.load_state_dict(checkpoint["model"])
    with torch.no_grad():
        expected = model.eval()(torch.from_numpy(inputs)).numpy()
    np.testing.assert_allclose(logits, expected, rtol=0, atol=1e-6)


def test_metrics_describe_the_model_and_its_validation(two_steps, dataset):
    metrics = json.loads((two_steps.out / "metrics.json").read_text())
    assert metrics == json.loads(json.dumps(two_steps.metrics))
    assert metrics["architecture"] == two_steps.arch
    assert metrics["output"] == "logits"
    assert metrics["inputShape"] == list(two_steps.shape)
    assert metrics["parameters"] == parameter_count(two_steps.trainer.model)
    assert metrics["labels"] == dataset.labels
    assert metrics["steps"] == 2 and metrics["bestEpoch"] is None and metrics["stopReason"] == "max-steps"
    assert metrics["validation"]["track"]["count"] == 3
    assert metrics["validation"]["snippet"]["count"] == 9
    assert 0.0 <= metrics["validation"]["track"]["balancedAccuracy"] <= 1.0
    assert metrics["model"]["nFrames"] == two_steps.shape[0]
    assert metrics["hyperParameters"]["learningRate"] == 0.001
    assert len(metrics["normalisation"]["mean"]) == two_steps.shape[1]
    assert metrics["features"] == dataset.description["features"]
    assert metrics["snippet"] == {"lengthSeconds": 3.0, "hopSeconds": 1.0}
    assert json.loads((two_steps.out / "history.json").read_text()) == []
    with (two_steps.out / "validation_predictions.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert [int(r["track"]) for r in rows] == [4, 7, 10]
    for row in rows:
        assert sum(float(row[label]) for label in dataset.labels) == pytest.approx(1.0, abs=1e-5)


def test_resuming_after_one_step_reaches_the_uninterrupted_weights(two_steps, dataset, tmp_path):
    first = make_trainer(dataset, two_steps.arch, two_steps.representation, tmp_path)
    assert first.train(Budget(max_steps=1)) == "max-steps"
    second = make_trainer(dataset, two_steps.arch, two_steps.representation, tmp_path)
    assert second.resume()
    assert second.progress.global_step == 1
    second.train(Budget(max_steps=2))
    assert_same_state(second.model.state_dict(), two_steps.trainer.model.state_dict())
    assert_same_optimizer(second.optimizer.state_dict(), two_steps.trainer.optimizer.state_dict())


def without_timings(history):
    return [{k: v for k, v in entry.items() if k not in ("seconds", "snippets_per_second")} for entry in history]


def test_resuming_across_epoch_ends_repeats_validation_and_best_model(dataset, tmp_path):
    # 4 snippets per epoch in batches of 2: steps 2 and 4 end epochs (validation, best.pt, LR schedule).
    options = dict(epoch_size=4, batch_size=2, patience=5)
    whole = make_trainer(dataset, "crnn", "logmel", tmp_path / "whole", **options)
    whole.train(Budget(max_steps=5))
    for stop in (1, 3, 5):
        pieces = make_trainer(dataset, "crnn", "logmel", tmp_path / "pieces", **options)
        pieces.resume()
        pieces.train(Budget(max_steps=stop))
    assert pieces.progress.epoch == whole.progress.epoch == 2
    assert without_timings(pieces.progress.history) == without_timings(whole.progress.history)
    assert_same_state(pieces.model.state_dict(), whole.model.state_dict())
    assert_same_state(torch.load(tmp_path / "pieces" / BEST)["model"], torch.load(tmp_path / "whole" / BEST)["model"])


def test_resume_refuses_a_checkpoint_of_a_different_run(dataset, tmp_path):
    make_trainer(dataset, "gru", "logmel", tmp_path).train(Budget(max_steps=1))
    with pytest.raises(RunMismatchError, match="config.learning_rate: 0.001 -> 0.01"):
        make_trainer(dataset, "gru", "logmel", tmp_path, learning_rate=0.01).resume()


def test_training_to_the_end_exports_the_best_epoch(dataset, tmp_path):
    trainer = make_trainer(dataset, "gru", "logmel", tmp_path, patience=2)
    reason = trainer.train(Budget(epochs=6))
    history = trainer.progress.history
    assert reason in ("early-stopped", "max-epochs")
    assert reason == "max-epochs" or history[-1]["improved"] is False
    best = trainer.progress.best_epoch
    assert history[best - 1]["improved"]
    assert all(h["validation"]["track_balanced_accuracy"] <= history[best - 1]["validation"]["track_balanced_accuracy"]
               for h in history)
    metrics = export_run(dataset, tmp_path, log=quiet)
    assert metrics["bestEpoch"] == best and metrics["epochsTrained"] == len(history)
    assert metrics["validation"]["track"]["balancedAccuracy"] == history[best - 1]["validation"]["track_balanced_accuracy"]
    written = json.loads((tmp_path / "history.json").read_text())
    assert [h["validation"]["trackBalancedAccuracy"] for h in written] == [
        h["validation"]["track_balanced_accuracy"] for h in history]
    assert [h["trainLoss"] for h in written] == [h["train_loss"] for h in history]
    # A finished run does nothing more when asked again.
    again = make_trainer(dataset, "gru", "logmel", tmp_path, patience=2)
    again.resume()
    assert again.train(Budget(epochs=6)) == reason
    assert again.progress.global_step == trainer.progress.global_step


def test_a_stop_request_checkpoints_after_the_current_step(dataset, tmp_path):
    trainer = make_trainer(dataset, "lstm", "logmel", tmp_path)
    asked = []
    assert trainer.train(Budget(), stop_requested=lambda: asked.append(1) or len(asked) > 1) == "interrupted"
    assert trainer.progress.global_step == 1
    resumed = make_trainer(dataset, "lstm", "logmel", tmp_path)
    assert resumed.resume() and resumed.progress.global_step == 1


def test_a_spent_time_budget_trains_nothing(dataset, tmp_path):
    trainer = make_trainer(dataset, "gru", "logmel", tmp_path)
    assert trainer.train(Budget(max_minutes=0)) == "max-minutes"
    assert trainer.progress.global_step == 0
