#!/usr/bin/env python3
"""Train one genreflow snippet classifier and export it to ONNX (see README.md)."""
import os
import sys
from pathlib import Path

# Must precede the numpy import: OpenBLAS threads fighting torch's own threads make training 3-4x slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from genreflow_train.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
