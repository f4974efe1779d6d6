"""Trainer for genreflow's snippet classifiers: prepared dataset in, ONNX model and metrics out."""
