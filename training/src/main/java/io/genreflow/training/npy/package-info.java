/**
 * NumPy {@code .npy} files: streaming float16 writing of {@code [rows, steps, features]} shards and
 * row-wise reading of them, without holding whole arrays in memory.
 */
package io.genreflow.training.npy;
