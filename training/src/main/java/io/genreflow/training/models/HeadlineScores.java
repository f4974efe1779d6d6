package io.genreflow.training.models;

import io.genreflow.training.metrics.ClassificationMetrics;

/**
 * The three figures models are compared by at one level (snippets or tracks).
 *
 * @param accuracy         share correct
 * @param balancedAccuracy mean per-label recall
 * @param macroF1          mean per-label F1
 */
public record HeadlineScores(double accuracy, double balancedAccuracy, double macroF1) {

    /** The headline figures of full metrics. */
    public static HeadlineScores of(ClassificationMetrics metrics) {
        return new HeadlineScores(metrics.accuracy(), metrics.balancedAccuracy(), metrics.macroF1());
    }
}
