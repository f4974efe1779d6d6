#!/usr/bin/env python3
"""Measures training and evaluation throughput of each architecture on the real snippet shapes.

It runs the real trainer (memory-mapped float16 shards, normalisation, class-weighted Adam) on a
synthetic dataset with realistic shapes, so the figures include data loading. Use them to plan
training budgets: minutes = snippets per epoch x epochs / snippets per second / 60.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from genreflow_train import synthetic  # noqa: E402  (first: it sets the thread environment)
import torch  # noqa: E402
from genreflow_train.dataset import open_dataset  # noqa: E402
from genreflow_train.models import ARCHITECTURES, ModelSpec, parameter_count  # noqa: E402
from genreflow_train.training import Budget, Trainer, TrainingConfig, pick_device  # noqa: E402

SHAPES = {"logmel": (130, 128), "spectrogram": (130, 1025), "chroma": (130, 12), "waveform": (64, 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", default=",".join(ARCHITECTURES))
    parser.add_argument("--representation", default=",".join(SHAPES))
    parser.add_argument("--steps", type=int, default=8, help="timed training steps per model")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="auto")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    representations = args.representation.split(",")
    device = pick_device(args.device)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # Enough training snippets for warm-up plus the timed steps without repeating an epoch.
        tracks_needed = (args.steps + 2) * args.batch_size // 10 + 1
        tracks = [synthetic.Track(number % 10, "train", 0) for number in range(tracks_needed)]
        tracks += [synthetic.Track(number % 10, "validation", 0) for number in range(10)]
        labels = [f"genre{number}" for number in range(10)]
        synthetic.write_dataset(root / "data", tracks=tracks, labels=labels, augmentations=["none"],
                                snippets_per_track=10, shard_rows=256, silent_every=10 ** 9,
                                shapes={name: SHAPES[name] for name in representations})
        dataset = open_dataset(root / "data")
        print(f"device {device}, {torch.get_num_threads()} threads, batch {args.batch_size}")
        print(f"{'arch':5} {'representation':14} {'shape':11} {'params':>8} {'train/s':>8} {'eval/s':>8}")
        for arch in args.arch.split(","):
            for representation in representations:
                frames, features = SHAPES[representation]
                spec = ModelSpec(arch, frames, features, n_classes=len(labels))
                trainer = Trainer(dataset, spec, TrainingConfig(representation, batch_size=args.batch_size),
                                  root / f"{arch}-{representation}", device, log=lambda _: None)
                trainer.train(Budget(max_steps=2, checkpoint_minutes=1e9))
                start = time.perf_counter()
                trainer.train(Budget(max_steps=2 + args.steps, checkpoint_minutes=1e9))
                train_rate = args.steps * args.batch_size / (time.perf_counter() - start)
                start = time.perf_counter()
                trainer.validate()
                eval_rate = len(trainer.plan.validation_rows) / (time.perf_counter() - start)
                print(f"{arch:5} {representation:14} {str(list(SHAPES[representation])):11} "
                      f"{parameter_count(trainer.model):8,d} {train_rate:8.0f} {eval_rate:8.0f}", flush=True)


if __name__ == "__main__":
    main()
