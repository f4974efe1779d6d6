package io.genreflow.training.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void metricsFollowTheTrainersDefinitions() {
        // Label 3 never occurs: it counts for neither balanced accuracy nor macro-F1.
        int[][] confusion = ClassificationMetrics.confusion(new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0}, 4);

        ClassificationMetrics metrics = ClassificationMetrics.of(confusion);

        assertArrayEquals(new int[] {1, 1, 0, 0}, confusion[0]);
        assertEquals(3.0 / 5, metrics.accuracy(), 1e-15);
        assertEquals((0.5 + 1 + 0) / 3, metrics.balancedAccuracy(), 1e-15);
        // F1: label 0 precision 1/2 recall 1/2 -> 1/2; label 1 precision 2/3 recall 1 -> 4/5; label 2 -> 0.
        assertEquals((0.5 + 0.8 + 0) / 3, metrics.macroF1(), 1e-15);
    }

    @Test
    void aLabelPredictedButAbsentStillCostsInMacroF1() {
        ClassificationMetrics metrics = ClassificationMetrics.of(
                ClassificationMetrics.confusion(new int[] {0, 0}, new int[] {0, 1}, 2));

        assertEquals(0.5, metrics.balancedAccuracy(), 1e-15);
        assertEquals((2.0 / 3 + 0) / 2, metrics.macroF1(), 1e-15);
    }

    @Test
    void foldsAreSummarisedByMeanAndSampleStandardDeviation() {
        List<ClassificationMetrics> folds = List.of(new ClassificationMetrics(0.5, 0.4, 0.3),
                new ClassificationMetrics(0.7, 0.6, 0.5));

        assertEquals(0.6, ClassificationMetrics.mean(folds).accuracy(), 1e-15);
        assertEquals(0.4, ClassificationMetrics.mean(folds).macroF1(), 1e-15);
        assertEquals(Math.sqrt(0.02), ClassificationMetrics.standardDeviation(folds).balancedAccuracy(), 1e-15);
        assertEquals(0, ClassificationMetrics.standardDeviation(folds.subList(0, 1)).accuracy());
    }
}
