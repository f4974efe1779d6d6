package io.genreflow.training.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void metricsFollowTheTrainersDefinitions() {
        // Label 3 never occurs: it counts for neither balanced accuracy nor macro-F1.
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0}, 4);

        assertArrayEquals(new int[] {1, 1, 0, 0}, metrics.confusion()[0]);
        assertEquals(5, metrics.count());
        assertEquals(3.0 / 5, metrics.accuracy(), 1e-15);
        assertEquals((0.5 + 1 + 0) / 3, metrics.balancedAccuracy(), 1e-15);
        // F1: label 0 precision 1/2 recall 1/2 -> 1/2; label 1 precision 2/3 recall 1 -> 4/5; label 2 -> 0.
        assertEquals((0.5 + 0.8 + 0) / 3, metrics.macroF1(), 1e-15);
    }

    @Test
    void aLabelPredictedButAbsentStillCostsInMacroF1() {
        ClassificationMetrics metrics = ClassificationMetrics.of(new int[] {0, 0}, new int[] {0, 1}, 2);

        assertEquals(0.5, metrics.balancedAccuracy(), 1e-15);
        assertEquals((2.0 / 3 + 0) / 2, metrics.macroF1(), 1e-15);
    }

    @Test
    void foldsAreSummarisedByMeanAndSampleStandardDeviation() {
        MeanAndSpread spread = MeanAndSpread.of(new double[] {0.4, 0.6});

        assertEquals(0.5, spread.mean(), 1e-15);
        assertEquals(Math.sqrt(0.02), spread.std(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MeanAndSpread.of(new double[] {0.4}));
    }
}
