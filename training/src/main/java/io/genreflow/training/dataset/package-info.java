/**
 * The prepared dataset format shared with the Python trainer (training/DATASET_FORMAT.md): file
 * layout, table columns, splits and the content of dataset.json, and {@link
 * io.genreflow.training.dataset.PreparedDataset}, which reads a finished dataset back.
 */
package io.genreflow.training.dataset;
