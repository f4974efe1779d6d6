"""Snippet classifiers: recurrent networks and a convolutional-recurrent network over [batch, time, features].

Every model returns logits (no softmax): serving applies the softmax, and the model manifest says
`"output": "logits"`.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import torch
from torch import nn

ARCHITECTURES = ("gru", "lstm", "crnn")


@dataclass(frozen=True)
class ModelSpec:
    """Everything needed to rebuild a model: architecture, input shape, classes and sizes."""

    arch: str
    n_frames: int
    n_features: int
    n_classes: int
    hidden: int = 128
    layers: int = 2
    dropout: float = 0.3
    # Frames wider than this (spectrogram bins, waveform samples) are first reduced to about
    # this many features, which keeps the recurrent/convolutional part small for every input.
    width: int = 128
    channels: tuple[int, ...] = field(default=(16, 32, 64, 64))

    def __post_init__(self):
        if self.arch not in ARCHITECTURES:
            raise ValueError(f"unknown architecture {self.arch!r}; choose one of {', '.join(ARCHITECTURES)}")
        for name in ("n_frames", "n_features", "hidden", "layers", "width"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.n_classes < 2:
            raise ValueError(f"a classifier needs at least 2 classes, got {self.n_classes}")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout}")

    def to_dict(self) -> dict:
        values = asdict(self)
        values["channels"] = list(self.channels)
        return values

    @staticmethod
    def from_dict(values: dict) -> "ModelSpec":
        return ModelSpec(**{**values, "channels": tuple(values["channels"])})


def build_model(spec: ModelSpec) -> nn.Module:
    """A freshly initialised model for the spec (initialisation uses torch's global RNG)."""
    if spec.arch == "crnn":
        return ConvRecurrentClassifier(spec)
    return RecurrentClassifier(spec)


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


class RecurrentClassifier(nn.Module):
    """GRU or LSTM over the frames; the mean of its outputs over time feeds a linear head."""

    def __init__(self, spec: ModelSpec):
        super().__init__()
        rnn_inputs = spec.n_features
        if spec.n_features > spec.width:
            # A learned linear filterbank: a 1025-bin spectrum or a 1024-sample frame would make
            # the first recurrent layer's input weights alone larger than the whole budget.
            self.projection = nn.Sequential(nn.Linear(spec.n_features, spec.width), nn.ReLU(), nn.Dropout(spec.dropout))
            rnn_inputs = spec.width
        else:
            self.projection = nn.Identity()
        cell = nn.GRU if spec.arch == "gru" else nn.LSTM
        self.rnn = cell(rnn_inputs, spec.hidden, num_layers=spec.layers, batch_first=True,
                        dropout=spec.dropout if spec.layers > 1 else 0.0)
        self.head = nn.Sequential(nn.Dropout(spec.dropout), nn.Linear(spec.hidden, spec.n_classes))

    def forward(self, frames: torch.Tensor) -> torch.Tensor:
        outputs, _ = self.rnn(self.projection(frames))
        # Mean pooling lets every time step receive gradient directly, which trains faster
        # over 130 steps than reading only the last hidden state.
        return self.head(outputs.mean(dim=1))


class ConvRecurrentClassifier(nn.Module):
    """CRNN (Choi et al. 2017): conv blocks squeeze the feature axis, a GRU reads the time axis.

    The input is treated as a one-channel image [time, features]. Each block halves the feature
    axis (and the first two halve time, so the GRU reads ~T/4 steps); what is left of the feature
    axis is max-pooled away, so any width works: 12 chroma bins, 128 mel bands, 1025 spectrogram
    bins or 1024 waveform samples (the stem strides over wide inputs to about `width` columns).
    """

    def __init__(self, spec: ModelSpec):
        super().__init__()
        stride = max(1, math.ceil(spec.n_features / spec.width))
        kernel = 2 * stride + 1 if stride > 1 else 3
        blocks: list[nn.Module] = []
        frames = spec.n_frames
        features = (spec.n_features + 2 * (kernel // 2) - kernel) // stride + 1
        in_channels = 1
        for index, out_channels in enumerate(spec.channels):
            conv = (nn.Conv2d(in_channels, out_channels, (3, kernel), stride=(1, stride), padding=(1, kernel // 2))
                    if index == 0 else nn.Conv2d(in_channels, out_channels, 3, padding=1))
            time_pool = 2 if index < 2 and frames >= 2 else 1
            feature_pool = 2 if features >= 2 else 1
            blocks += [conv, nn.BatchNorm2d(out_channels), nn.ReLU()]
            if time_pool > 1 or feature_pool > 1:
                blocks.append(nn.MaxPool2d((time_pool, feature_pool)))
            frames //= time_pool
            features //= feature_pool
            in_channels = out_channels
        self.conv = nn.Sequential(*blocks)
        self.rnn = nn.GRU(in_channels, spec.hidden, num_layers=spec.layers, batch_first=True,
                          dropout=spec.dropout if spec.layers > 1 else 0.0)
        self.head = nn.Sequential(nn.Dropout(spec.dropout), nn.Linear(spec.hidden, spec.n_classes))

    def forward(self, frames: torch.Tensor) -> torch.Tensor:
        maps = self.conv(frames.unsqueeze(1))          # [B, C, T', F']
        sequence = maps.amax(dim=3).transpose(1, 2)    # [B, T', C]
        outputs, _ = self.rnn(sequence)
        return self.head(outputs.mean(dim=1))
