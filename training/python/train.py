#!/usr/bin/env python3
"""Train one genreflow snippet classifier and export it to ONNX (see README.md)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from genreflow_train.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
