"""Trainer for genreflow's snippet classifiers: prepared dataset in, ONNX model and metrics out."""
import os

# Read once when numpy/torch load their native libraries, so they are set here, before any of
# this package's modules import them (callers that import torch first keep their own settings).
# OpenBLAS threads fighting torch's own threads make training 3-4x slower; and on a machine
# shared with other work, spinning OpenMP workers make 2-thread training collapse to a fraction
# of its speed whenever the cores are busy, which passive waiting avoids for ~5-10% speed.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
