package io.genreflow.training.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void matchesFiguresWorkedOutByHand() {
        // confusion [true][predicted]: [2 1 0] [0 1 1] [0 0 1]
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2}, 3);

        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}, metrics.confusion());
        assertEquals(6, metrics.count());
        assertEquals(4.0 / 6, metrics.accuracy(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 2, 1.0}, metrics.recall(), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0 / 2, 1.0 / 2}, metrics.precision(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.5, 2.0 / 3}, metrics.f1(), 1e-12);
        assertArrayEquals(new int[] {3, 2, 1}, metrics.support());
        assertEquals((2.0 / 3 + 0.5 + 1) / 3, metrics.balancedAccuracy(), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, metrics.macroF1(), 1e-12);
    }

    @Test
    void balancedAccuracySkipsAbsentLabelsButMacroF1CountsOnesThatArePredicted() {
        // Label 2 never is the truth but is predicted once; label 3 neither.
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 0, 1}, new int[] {0, 2, 1}, 4);

        assertEquals((0.5 + 1) / 2, metrics.balancedAccuracy(), 1e-12);
        assertEquals((2.0 / 3 + 1 + 0) / 3, metrics.macroF1(), 1e-12);
        assertEquals(0, metrics.precision()[3]);
    }

    @Test
    void refusesPredictionsThatDoNotPairWithTheTruth() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new int[] {0, 1}, new int[] {0}, 2));
    }
}
