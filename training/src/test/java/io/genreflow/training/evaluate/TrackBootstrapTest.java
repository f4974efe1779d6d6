package io.genreflow.training.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.training.metrics.ClassificationMetrics;
import org.junit.jupiter.api.Test;

class TrackBootstrapTest {

    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 0, 1, 1, 1, 2, 1, 2, 2, 0, 2};

    @Test
    void perfectAndHopelessPredictionsGiveDegenerateIntervals() {
        TrackBootstrap bootstrap = new TrackBootstrap(500, 3);
        TrackBootstrap.Intervals perfect = bootstrap.intervals(TRUTH, TRUTH, 3);
        assertEquals(new Interval(1, 1), perfect.balancedAccuracy());
        assertEquals(new Interval(1, 1), perfect.macroF1());
        int[] wrong = {1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0};
        assertEquals(new Interval(0, 0), bootstrap.intervals(TRUTH, wrong, 3).balancedAccuracy());
    }

    @Test
    void anImperfectModelGetsAnIntervalAroundItsFigureThatTheSeedReproduces() {
        double balanced = ClassificationMetrics.of(TRUTH, PREDICTED, 3).balancedAccuracy();
        TrackBootstrap.Intervals intervals = new TrackBootstrap(2000, 11).intervals(TRUTH, PREDICTED, 3);

        assertTrue(intervals.balancedAccuracy().lower() < balanced && balanced < intervals.balancedAccuracy().upper(),
                balanced + " in " + intervals.balancedAccuracy());
        assertTrue(intervals.balancedAccuracy().upper() - intervals.balancedAccuracy().lower() > 0.2,
                "twelve tracks leave a wide interval: " + intervals.balancedAccuracy());
        assertEquals(intervals, new TrackBootstrap(2000, 11).intervals(TRUTH, PREDICTED, 3));
    }

    @Test
    void refusesTooFewResamplesOrNoTracks() {
        assertThrows(IllegalArgumentException.class, () -> new TrackBootstrap(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrackBootstrap(10, 0).intervals(new int[0], new int[0], 2));
    }
}
