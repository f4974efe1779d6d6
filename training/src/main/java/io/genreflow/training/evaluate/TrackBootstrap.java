package io.genreflow.training.evaluate;

import io.genreflow.training.metrics.ClassificationMetrics;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for track-level metrics: the evaluated tracks are drawn
 * with replacement as many times as there are tracks, the metric is recomputed on each draw, and the
 * interval spans the middle 95 % of the recomputed values (Efron &amp; Tibshirani 1993, ch. 13). It
 * shows how much a figure could move with another sample of tracks of the same kind, which with a
 * few dozen test tracks is a lot. The random numbers depend only on the seed and the track count,
 * so every model evaluated on the same tracks is judged on the same draws.
 *
 * @param resamples how many draws
 * @param seed      seeds the draws
 */
public record TrackBootstrap(int resamples, long seed) {

    /** Coverage of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /** Enough draws for stable 2.5 % and 97.5 % percentiles, and cheap at a few hundred tracks. */
    public static final int DEFAULT_RESAMPLES = 2000;

    public TrackBootstrap {
        if (resamples < 2) {
            throw new IllegalArgumentException("the bootstrap needs at least 2 resamples, got " + resamples);
        }
    }

    /**
     * Intervals for track balanced accuracy and macro-F1.
     *
     * @param truth      true label per track
     * @param predicted  predicted label per track
     * @param labelCount the number of labels
     */
    public Intervals intervals(int[] truth, int[] predicted, int labelCount) {
        int tracks = truth.length;
        if (tracks == 0 || predicted.length != tracks) {
            throw new IllegalArgumentException("the bootstrap needs at least one track and one prediction per track");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] balanced = new double[resamples];
        double[] macroF1 = new double[resamples];
        int[] drawnTruth = new int[tracks];
        int[] drawnPredicted = new int[tracks];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < tracks; i++) {
                int pick = random.nextInt(tracks);
                drawnTruth[i] = truth[pick];
                drawnPredicted[i] = predicted[pick];
            }
            ClassificationMetrics metrics = ClassificationMetrics.of(drawnTruth, drawnPredicted, labelCount);
            balanced[r] = metrics.balancedAccuracy();
            macroF1[r] = metrics.macroF1();
        }
        return new Intervals(percentileInterval(balanced), percentileInterval(macroF1));
    }

    /**
     * The intervals of the two headline track metrics.
     *
     * @param balancedAccuracy interval of the track balanced accuracy
     * @param macroF1          interval of the track macro-F1
     */
    public record Intervals(Interval balancedAccuracy, Interval macroF1) {
    }

    /** The values at the (1 - CONFIDENCE)/2 and (1 + CONFIDENCE)/2 ranks of the sorted draws. */
    private static Interval percentileInterval(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double tail = (1 - CONFIDENCE) / 2;
        int lower = (int) Math.floor(tail * (sorted.length - 1));
        int upper = (int) Math.ceil((1 - tail) * (sorted.length - 1));
        return new Interval(sorted[lower], sorted[upper]);
    }
}
