package io.genreflow.training.dataset;

/**
 * One track of a prepared dataset, as tracks.csv lists it.
 *
 * @param index the track number used by snippets.csv
 * @param id    the stable id derived from the track's path
 * @param path  the track's path as given to {@code prepare}
 * @param label the label index (a position in dataset.json's labels)
 * @param split the split it belongs to
 * @param fold  the cross-validation fold, 0 to folds - 1
 */
public record PreparedTrack(int index, String id, String path, int label, Split split, int fold) {
}
