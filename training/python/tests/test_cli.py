import json
import os
import subprocess
import sys
from pathlib import Path

from genreflow_train.cli import main

SCRIPT = Path(__file__).resolve().parents[1] / "train.py"


def arguments(dataset_dir, out, *extra):
    return ["--dataset", str(dataset_dir), "--representation", "logmel", "--arch", "gru", "--out", str(out),
            "--hidden", "8", "--batch-size", "4", *extra]


def test_script_trains_and_exports_a_smoke_run(dataset_dir, tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), *arguments(dataset_dir, tmp_path, "--max-steps", "2")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    assert result.returncode == 0, result.stderr
    assert "holdout: 29 training snippets, 9 validation snippets" in result.stdout
    assert "training stopped: max-steps" in result.stdout
    for name in ("model.onnx", "parity_inputs.npy", "parity_logits.npy", "metrics.json", "history.json",
                 "validation_predictions.csv", "checkpoint.pt"):
        assert (tmp_path / name).is_file(), name
    assert json.loads((tmp_path / "metrics.json").read_text())["steps"] == 2


def test_rerunning_resumes_and_a_changed_run_is_refused_unless_started_afresh(dataset_dir, tmp_path, capsys):
    assert main(arguments(dataset_dir, tmp_path, "--max-steps", "1")) == 0
    assert main(arguments(dataset_dir, tmp_path, "--max-steps", "2")) == 0
    assert "resumed at epoch 1, step 1 (1 steps" in capsys.readouterr().out
    assert main(arguments(dataset_dir, tmp_path, "--max-steps", "3", "--lr", "0.01")) == 2
    assert "belongs to a different run (config.learning_rate: 0.001 -> 0.01)" in capsys.readouterr().err
    assert main(arguments(dataset_dir, tmp_path, "--max-steps", "1", "--lr", "0.01", "--no-resume")) == 0
    assert json.loads((tmp_path / "metrics.json").read_text())["steps"] == 1


def test_fold_runs_name_their_split(dataset_dir, tmp_path):
    assert main(arguments(dataset_dir, tmp_path, "--fold", "2", "--max-steps", "1")) == 0
    assert json.loads((tmp_path / "metrics.json").read_text())["split"] == "fold-2"


def test_bad_input_gets_a_message_and_exit_code_2(dataset_dir, tmp_path, capsys):
    assert main(arguments(tmp_path / "nowhere", tmp_path / "run")) == 2
    assert "has no dataset.json" in capsys.readouterr().err
    assert main([*arguments(dataset_dir, tmp_path / "run"), "--representation", "chroma"]) == 2
    assert "'chroma' was not prepared" in capsys.readouterr().err
    assert main(arguments(dataset_dir, tmp_path / "run", "--channels", "8,x")) == 2
    assert "--channels must be comma-separated integers" in capsys.readouterr().err
