package io.genreflow.training.metrics;

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

        ClassificationMetrics onePredictedButAbsent = ClassificationMetrics.of(new int[] {0, 0}, new int[] {0, 1}, 2);
        assertEquals(0.5, onePredictedButAbsent.balancedAccuracy(), 1e-15);
        assertEquals((2.0 / 3 + 0) / 2, onePredictedButAbsent.macroF1(), 1e-15);
    }

    @Test
    void aLabelThatNeitherOccursNorIsPredictedCountsForNoAverage() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0}, 4);

        assertArrayEquals(new int[] {1, 1, 0, 0}, metrics.confusion()[0]);
        assertEquals(5, metrics.count());
        assertEquals(3.0 / 5, metrics.accuracy(), 1e-15);
        assertEquals((0.5 + 1 + 0) / 3, metrics.balancedAccuracy(), 1e-15);
        // F1: label 0 precision 1/2 recall 1/2 -> 1/2; label 1 precision 2/3 recall 1 -> 4/5; label 2 -> 0.
        assertEquals((0.5 + 0.8 + 0) / 3, metrics.macroF1(), 1e-15);
    }

    @Test
    void refusesPredictionsThatDoNotPairWithTheTruth() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new int[] {0, 1}, new int[] {0}, 2));
    }
}
