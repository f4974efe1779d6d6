"""The training loop: class-weighted Adam, early stopping on validation, exact resume from checkpoints."""
from __future__ import annotations

import dataclasses
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from .data import FeatureReader, SplitPlan, class_weights, epoch_batches, plan_split
from .dataset import PreparedDataset
from .evaluation import Evaluation, evaluate
from .models import ModelSpec, build_model

CHECKPOINT = "checkpoint.pt"
BEST = "best.pt"
CHECKPOINT_FORMAT = 1


class RunMismatchError(Exception):
    """The output folder holds a checkpoint of a different run than the one asked for."""


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that shapes the trained weights; resuming requires the same values."""

    representation: str
    fold: int | None = None
    seed: int = 42
    batch_size: int = 64
    learning_rate: float = 1e-3
    weight_decay: float = 1e-4
    patience: int = 8
    lr_patience: int = 2
    lr_factor: float = 0.5
    clip_grad_norm: float = 5.0
    epoch_size: int | None = None
    augmentations: tuple[str, ...] | None = None
    skip_silent: bool = True

    def __post_init__(self):
        if self.batch_size < 2:
            raise ValueError("batch size must be at least 2 (batch normalisation needs two examples)")
        if self.learning_rate <= 0:
            raise ValueError("learning rate must be positive")
        if self.epoch_size is not None and self.epoch_size < 2:
            raise ValueError("epoch size must be at least 2 snippets")

    def to_dict(self) -> dict:
        values = dataclasses.asdict(self)
        values["augmentations"] = None if self.augmentations is None else list(self.augmentations)
        return values

    @staticmethod
    def from_dict(values: dict) -> "TrainingConfig":
        augmentations = values.get("augmentations")
        return TrainingConfig(**{**values, "augmentations": None if augmentations is None else tuple(augmentations)})

    def split_plan(self, dataset: PreparedDataset) -> SplitPlan:
        return plan_split(dataset, fold=self.fold, skip_silent=self.skip_silent,
                          augmentations=None if self.augmentations is None else list(self.augmentations))


@dataclass(frozen=True)
class Budget:
    """How long this invocation may train; may change between resumes without changing the run."""

    epochs: int = 30
    max_steps: int | None = None
    max_minutes: float | None = None
    checkpoint_minutes: float = 5.0


@dataclass
class Progress:
    """Where a run stands; saved in every checkpoint."""

    epoch: int = 0
    step_in_epoch: int = 0
    global_step: int = 0
    train_seconds: float = 0.0
    epoch_start_seconds: float = 0.0  # train_seconds when the current epoch began
    loss_sum: float = 0.0
    loss_count: int = 0  # snippets trained in the current epoch
    best_score: list | None = None
    best_epoch: int | None = None
    stale_epochs: int = 0
    finished: str | None = None
    stop_reason: str | None = None
    history: list = dataclasses.field(default_factory=list)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def pick_device(name: str = "auto") -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


class Trainer:
    """Trains one model on one split of a prepared dataset, checkpointing into `out_dir`.

    The data order of epoch e is a pure function of (seed, e) and the torch RNG state (dropout)
    is checkpointed, so a run stopped after any step and resumed reaches the same weights as one
    that never stopped (bit-exact on CPU with the same thread count).
    """

    def __init__(self, dataset: PreparedDataset, spec: ModelSpec, config: TrainingConfig, out_dir: Path,
                 device: torch.device, log: Callable[[str], None] = print):
        self.dataset, self.spec, self.config, self.out_dir, self.device, self.log = (
            dataset, spec, config, Path(out_dir), device, log)
        self.plan = config.split_plan(dataset)
        self.reader = FeatureReader.of(dataset, config.representation)
        self.loss_weights = class_weights(dataset.snippets.label[self.plan.train_rows], len(dataset.labels))
        seed_everything(config.seed)
        self.model = build_model(spec).to(device)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=config.learning_rate,
                                          weight_decay=config.weight_decay)
        self.scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
            self.optimizer, mode="min", factor=config.lr_factor, patience=config.lr_patience)
        self.criterion = torch.nn.CrossEntropyLoss(
            weight=torch.tensor(self.loss_weights, dtype=torch.float32, device=device))
        self.progress = Progress()
        self._clock = (time.monotonic(), 0.0)  # (session start, training seconds before it)

    def identity(self) -> dict:
        """What a checkpoint must match to be resumed by this trainer."""
        return {"config": self.config.to_dict(), "model": self.spec.to_dict(),
                "dataset": self.dataset.fingerprint}

    # ----- checkpoints

    def resume(self) -> bool:
        """Loads the checkpoint in out_dir if there is one; raises RunMismatchError if it is another run's."""
        path = self.out_dir / CHECKPOINT
        if not path.is_file():
            return False
        # RNG states must stay CPU tensors; load_state_dict moves weights and Adam moments to the model's device.
        state = torch.load(path, map_location="cpu")
        if state.get("format") != CHECKPOINT_FORMAT:
            raise RunMismatchError(f"{path} has checkpoint format {state.get('format')}, expected "
                                   f"{CHECKPOINT_FORMAT}; start afresh with --no-resume")
        differences = _differences(state["identity"], self.identity())
        if differences:
            raise RunMismatchError(f"{path} belongs to a different run ({'; '.join(differences)}); "
                                   f"use another --out or start afresh with --no-resume")
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["torch_rng"])
        if self.device.type == "cuda" and state.get("cuda_rng") is not None:
            torch.cuda.set_rng_state_all(state["cuda_rng"])
        self.progress = Progress(**state["progress"])
        return True

    def save_checkpoint(self) -> None:
        _atomic_save({
            "format": CHECKPOINT_FORMAT,
            "identity": self.identity(),
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "torch_rng": torch.get_rng_state(),
            "cuda_rng": torch.cuda.get_rng_state_all() if self.device.type == "cuda" else None,
            "progress": dataclasses.asdict(self.progress),
            "class_weights": self.loss_weights.tolist(),
        }, self.out_dir / CHECKPOINT)

    # ----- the loop

    def train(self, budget: Budget, stop_requested: Callable[[], bool] = lambda: False) -> str:
        """Trains until the run finishes or the budget/stop request ends this invocation; returns why."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        progress = self.progress
        if progress.finished == "max-epochs" and progress.epoch < budget.epochs:
            progress.finished = None  # more epochs were granted
        self._clock = (time.monotonic(), progress.train_seconds)
        self.model.train()
        while progress.finished is None:
            if progress.epoch >= budget.epochs:
                progress.finished = "max-epochs"
                continue
            reason = self._train_epoch(budget, stop_requested)
            if reason:
                progress.stop_reason = reason
                self._checkpoint()
                return reason
        progress.stop_reason = progress.finished
        self._checkpoint()
        return progress.finished

    def _train_epoch(self, budget: Budget, stop_requested: Callable[[], bool]) -> str | None:
        """Trains the rest of the current epoch and validates it; returns why it stopped early, if it did."""
        progress = self.progress
        batches = epoch_batches(len(self.plan.train_rows), self.config.batch_size, self.config.seed,
                                progress.epoch, self.config.epoch_size)
        last_report = last_checkpoint = time.monotonic()
        while progress.step_in_epoch < len(batches):
            self._tick()
            reason = self._budget_exhausted(budget, stop_requested)
            if reason:
                return reason
            self._train_step(batches[progress.step_in_epoch])
            progress.step_in_epoch += 1
            progress.global_step += 1
            now = time.monotonic()
            if now - last_report >= 60:
                last_report = now
                self._report_step(len(batches))
            if now - last_checkpoint >= budget.checkpoint_minutes * 60:
                last_checkpoint = now
                self._checkpoint()
        self._finish_epoch(budget)
        self._checkpoint()
        return None

    def _tick(self) -> None:
        """Brings the run's total training time up to now."""
        session_start, seconds_before = self._clock
        self.progress.train_seconds = seconds_before + time.monotonic() - session_start

    def _checkpoint(self) -> None:
        self._tick()
        self.save_checkpoint()

    def _budget_exhausted(self, budget: Budget, stop_requested: Callable[[], bool]) -> str | None:
        if stop_requested():
            return "interrupted"
        if budget.max_steps is not None and self.progress.global_step >= budget.max_steps:
            return "max-steps"
        if budget.max_minutes is not None and self.progress.train_seconds >= budget.max_minutes * 60:
            return "max-minutes"
        return None

    def _train_step(self, batch_positions: np.ndarray) -> None:
        rows = self.plan.train_rows[batch_positions]
        inputs = torch.from_numpy(self.reader.read(rows)).to(self.device)
        targets = torch.from_numpy(self.dataset.snippets.label[rows]).to(self.device)
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.criterion(self.model(inputs), targets)
        loss.backward()
        # Recurrent nets occasionally produce exploding gradients on long sequences.
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.clip_grad_norm)
        self.optimizer.step()
        self.progress.loss_sum += float(loss) * len(rows)
        self.progress.loss_count += len(rows)

    def validate(self) -> Evaluation:
        return evaluate(self.model, self.reader, self.plan.validation_rows, self.dataset.snippets,
                        self.loss_weights, self.config.batch_size * 2, self.device)

    def _finish_epoch(self, budget: Budget) -> None:
        progress = self.progress
        self._tick()
        seconds = progress.train_seconds - progress.epoch_start_seconds  # across resumes, without validation
        snippets = progress.loss_count
        evaluation = self.validate()
        self.scheduler.step(evaluation.loss)
        score = list(evaluation.score())
        improved = progress.best_score is None or score > progress.best_score
        progress.epoch += 1
        if improved:
            progress.best_score, progress.best_epoch, progress.stale_epochs = score, progress.epoch, 0
            _atomic_save({"model_spec": self.spec.to_dict(), "model": self.model.state_dict(),
                          "epoch": progress.epoch}, self.out_dir / BEST)
        else:
            progress.stale_epochs += 1
        progress.history.append({
            "epoch": progress.epoch,
            "train_loss": progress.loss_sum / max(progress.loss_count, 1),
            "validation": evaluation.headline(),
            "learning_rate": self.optimizer.param_groups[0]["lr"],
            "snippets_per_second": snippets / seconds if seconds > 0 else None,
            "seconds": seconds,
            "improved": improved,
        })
        progress.step_in_epoch, progress.loss_sum, progress.loss_count = 0, 0.0, 0
        self._tick()
        progress.epoch_start_seconds = progress.train_seconds
        if progress.stale_epochs >= self.config.patience:
            progress.finished = "early-stopped"
        self._report_epoch(budget)

    # ----- progress lines

    def _report_step(self, steps_in_epoch: int) -> None:
        progress = self.progress
        rate = progress.loss_count / max(progress.train_seconds - progress.epoch_start_seconds, 1e-9)
        self.log(f"  epoch {progress.epoch + 1} step {progress.step_in_epoch}/{steps_in_epoch} "
                 f"loss {progress.loss_sum / max(progress.loss_count, 1):.4f} {rate:.0f} snippets/s")

    def _report_epoch(self, budget: Budget) -> None:
        progress, entry = self.progress, self.progress.history[-1]
        validation = entry["validation"]
        epoch_seconds = [h["seconds"] for h in progress.history]
        remaining = (budget.epochs - progress.epoch) * float(np.mean(epoch_seconds[-3:]))
        if budget.max_minutes is not None:
            remaining = min(remaining, max(budget.max_minutes * 60 - progress.train_seconds, 0.0))
        if progress.finished:
            remaining = 0.0
        rate = entry["snippets_per_second"] or 0.0
        self.log(f"epoch {progress.epoch}/{budget.epochs} | train loss {entry['train_loss']:.4f} | "
                 f"val loss {validation['loss']:.4f} snippet bal-acc {validation['snippet_balanced_accuracy']:.3f} "
                 f"track bal-acc {validation['track_balanced_accuracy']:.3f} "
                 f"(best {progress.best_score[0]:.3f} @ {progress.best_epoch}) | "
                 f"lr {entry['learning_rate']:.1e} | {rate:.0f} snippets/s | "
                 f"{_duration(entry['seconds'])} | ETA {_duration(remaining)}"
                 + (f" | {progress.finished}" if progress.finished else ""))


def _differences(saved: dict, wanted: dict) -> list[str]:
    found = []
    for section in wanted:
        old, new = saved.get(section), wanted[section]
        if isinstance(new, dict) and isinstance(old, dict):
            found += [f"{section}.{key}: {old.get(key)!r} -> {new.get(key)!r}"
                      for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]
        elif old != new:
            found.append(f"{section} changed")
    return found


def _atomic_save(state: dict, path: Path) -> None:
    temporary = path.with_name(path.name + ".tmp")
    torch.save(state, temporary)
    os.replace(temporary, path)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"
