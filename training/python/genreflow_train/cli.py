"""Command line: train one model on one representation of a prepared dataset, then export it."""
from __future__ import annotations

import argparse
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import torch

from .dataset import DatasetError, open_dataset
from .export import EXPORT_FILES, ExportError, export_run
from .models import ARCHITECTURES, ModelSpec, parameter_count
from .training import BEST, CHECKPOINT, Budget, RunMismatchError, Trainer, TrainingConfig, pick_device

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    defaults_model = ModelSpec("gru", 1, 1, 2)
    defaults_training = TrainingConfig("")
    defaults_budget = Budget()
    parser = argparse.ArgumentParser(
        prog="train.py", description="Train a genreflow snippet classifier and export it to ONNX.")
    parser.add_argument("--dataset", required=True, type=Path, help="folder written by the prepare command")
    parser.add_argument("--representation", required=True, help="logmel, spectrogram, chroma or waveform")
    parser.add_argument("--arch", required=True, choices=ARCHITECTURES)
    parser.add_argument("--out", required=True, type=Path, help="run folder: checkpoints and exported files")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--split", choices=["holdout"], default="holdout",
                       help="train on split 'train', validate on 'validation' (default)")
    which.add_argument("--fold", type=int, help="k-fold: validate on this fold, train on the others")

    run = parser.add_argument_group("training (a resumed run must keep these)")
    run.add_argument("--batch-size", type=int, default=defaults_training.batch_size)
    run.add_argument("--lr", type=float, default=defaults_training.learning_rate)
    run.add_argument("--weight-decay", type=float, default=defaults_training.weight_decay)
    run.add_argument("--seed", type=int, default=defaults_training.seed)
    run.add_argument("--patience", type=int, default=defaults_training.patience,
                     help="stop after this many epochs without a better validation score")
    run.add_argument("--epoch-size", type=int, help="snippets per epoch, a fresh random subset each epoch "
                                                    "(default: all training snippets)")
    run.add_argument("--augmentations", help="comma-separated augmentations to train on (default: all)")
    run.add_argument("--keep-silent", action="store_true", help="also train on snippets marked silent")
    run.add_argument("--hidden", type=int, default=defaults_model.hidden, help="recurrent hidden size")
    run.add_argument("--layers", type=int, default=defaults_model.layers, help="recurrent layers")
    run.add_argument("--dropout", type=float, default=defaults_model.dropout)
    run.add_argument("--width", type=int, default=defaults_model.width,
                     help="wider frames are projected (gru/lstm) or strided (crnn) to about this many features")
    run.add_argument("--channels", default=",".join(map(str, defaults_model.channels)),
                     help="crnn: output channels of each conv block")

    budget = parser.add_argument_group("budget (may change between resumes)")
    budget.add_argument("--epochs", type=int, default=defaults_budget.epochs, help="maximum epochs")
    budget.add_argument("--max-minutes", type=float, help="stop once this much training time is spent in total")
    budget.add_argument("--max-steps", type=int, help="stop after this many optimiser steps in total")
    budget.add_argument("--checkpoint-minutes", type=float, default=defaults_budget.checkpoint_minutes,
                        help="also checkpoint inside an epoch this often")
    budget.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    budget.add_argument("--device", default="auto", help="auto (GPU when torch sees one), cpu or cuda")
    budget.add_argument("--no-resume", action="store_true",
                        help="start afresh, deleting this run's checkpoints and exports in --out")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    try:
        dataset = open_dataset(args.dataset)
        frames, features = dataset.input_shape(args.representation)
        spec = ModelSpec(args.arch, frames, features, len(dataset.labels), hidden=args.hidden, layers=args.layers,
                         dropout=args.dropout, width=args.width, channels=_integers(args.channels))
        config = TrainingConfig(
            args.representation, fold=args.fold, seed=args.seed, batch_size=args.batch_size, learning_rate=args.lr,
            weight_decay=args.weight_decay, patience=args.patience, epoch_size=args.epoch_size,
            augmentations=None if args.augmentations is None else tuple(args.augmentations.split(",")),
            skip_silent=not args.keep_silent)
        budget = Budget(epochs=args.epochs, max_steps=args.max_steps, max_minutes=args.max_minutes,
                        checkpoint_minutes=args.checkpoint_minutes)
        if args.no_resume:
            _clear_run(args.out)
        trainer = Trainer(dataset, spec, config, args.out, pick_device(args.device))
        resumed = trainer.resume()
        _describe(trainer, resumed)
        with _stop_on_signal() as stop_requested:
            reason = trainer.train(budget, stop_requested)
        if reason == "interrupted":
            print(f"interrupted at step {trainer.progress.global_step}; run the same command to resume")
            return EXIT_INTERRUPTED
        print(f"training stopped: {reason}")
        export_run(dataset, args.out, trainer.device)
        return 0
    except (DatasetError, RunMismatchError, ExportError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _integers(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(","))
    except ValueError:
        raise ValueError(f"--channels must be comma-separated integers, got {text!r}") from None


def _clear_run(out: Path) -> None:
    for name in (CHECKPOINT, BEST, *EXPORT_FILES):
        (out / name).unlink(missing_ok=True)


def _describe(trainer: Trainer, resumed: bool) -> None:
    plan, progress = trainer.plan, trainer.progress
    print(f"{trainer.spec.arch} on {trainer.config.representation} [{trainer.spec.n_frames}, {trainer.spec.n_features}]: "
          f"{parameter_count(trainer.model):,} parameters, device {trainer.device}, "
          f"{torch.get_num_threads()} threads")
    print(f"{plan.name}: {len(plan.train_rows)} training snippets, {len(plan.validation_rows)} validation snippets; "
          f"class weights {[round(w, 3) for w in trainer.loss_weights.tolist()]}")
    if resumed:
        print(f"resumed at epoch {progress.epoch + 1}, step {progress.step_in_epoch} "
              f"({progress.global_step} steps, {progress.train_seconds / 60:.1f} min so far)")


@contextmanager
def _stop_on_signal():
    """Ctrl-C / SIGTERM ask the loop to checkpoint after the current step; a second one aborts."""
    requested = []

    def handle(signum, frame):
        if requested:
            raise KeyboardInterrupt
        requested.append(signum)
        print("stopping after this step (again to abort)...", file=sys.stderr)

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: bool(requested)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
