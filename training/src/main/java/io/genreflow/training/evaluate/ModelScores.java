package io.genreflow.training.evaluate;

import io.genreflow.training.metrics.ClassificationMetrics;

/**
 * How one model (a representation's, or the ensemble) did on a set of tracks, at both levels of
 * divide &amp; conquer.
 *
 * @param snippet        every snippet judged on its own
 * @param track          tracks judged by the mean of their snippet probabilities, as serving does
 * @param trackByVote    tracks judged by a majority vote of their snippets instead, for comparison
 * @param trackIntervals bootstrap confidence intervals of the track balanced accuracy and macro-F1
 */
public record ModelScores(ClassificationMetrics snippet, ClassificationMetrics track, ClassificationMetrics trackByVote,
                          TrackBootstrap.Intervals trackIntervals) {
}
