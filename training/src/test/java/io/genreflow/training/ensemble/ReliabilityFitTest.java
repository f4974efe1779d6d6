package io.genreflow.training.ensemble;

import io.genreflow.manifest.EnsembleSpec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReliabilityFitTest {

    /** Rows: true label; columns: predicted label. Nine validation tracks per label. */
    private static final int[][] LOGMEL_CONFUSION = {
            {7, 2, 0},
            {1, 6, 2},
            {0, 1, 8},
    };
    /** Predictions spread evenly whatever the true label: a blind guesser. */
    private static final int[][] GUESSER_CONFUSION = {
            {3, 3, 3},
            {3, 3, 3},
            {3, 3, 3},
    };
    /** Never predicts label 2. */
    private static final int[][] CHROMA_CONFUSION = {
            {9, 0, 0},
            {3, 6, 0},
            {3, 6, 0},
    };

    private static int[] labels(int[][] confusion) {
        List<Integer> labels = new ArrayList<>();
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                for (int k = 0; k < confusion[t][p]; k++) {
                    labels.add(t);
                }
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Score rows realising a confusion matrix, tracks ordered as {@link #labels}. */
    private static double[][] scores(int[][] confusion) {
        List<double[]> rows = new ArrayList<>();
        for (int[] byPredicted : confusion) {
            for (int p = 0; p < byPredicted.length; p++) {
                for (int k = 0; k < byPredicted[p]; k++) {
                    double[] row = {0.2, 0.2, 0.2};
                    row[p] = 0.6;
                    rows.add(row);
                }
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** Every matrix has nine tracks per true label, so all share the track order of {@link #labels}. */
    private static Map<String, double[][]> validation() {
        return Map.of("logmel", scores(LOGMEL_CONFUSION),
                "waveform", scores(GUESSER_CONFUSION),
                "chroma", scores(CHROMA_CONFUSION));
    }

    @Test
    void precisionIsTheShareOfEachPredictionThatWasRight() {
        ReliabilityFit fit = ReliabilityFit.fit(validation(), labels(LOGMEL_CONFUSION), 3);

        assertArrayEquals(new double[] {7.0 / 8, 6.0 / 9, 8.0 / 10}, fit.precision().get("logmel"), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, fit.precision().get("waveform"), 1e-12);
        assertArrayEquals(new double[] {9.0 / 15, 6.0 / 12, 0}, fit.precision().get("chroma"), 1e-12,
                "a label never predicted earns no trust");
    }

    @Test
    void balancedAccuracyIsTheMeanRecall() {
        ReliabilityFit fit = ReliabilityFit.fit(validation(), labels(LOGMEL_CONFUSION), 3);

        assertEquals((7.0 / 9 + 6.0 / 9 + 8.0 / 9) / 3, fit.balancedAccuracy().get("logmel"), 1e-12);
        assertEquals(1.0 / 3, fit.balancedAccuracy().get("waveform"), 1e-12);
        assertEquals((9.0 / 9 + 6.0 / 9 + 0) / 3, fit.balancedAccuracy().get("chroma"), 1e-12);
    }

    @Test
    void chanceThresholdIsTwoStandardDeviationsAboveABlindGuesser() {
        ReliabilityFit fit = ReliabilityFit.fit(validation(), labels(LOGMEL_CONFUSION), 3);

        double perLabelVariance = (1.0 / 3) * (2.0 / 3) / 9;
        double sigma = Math.sqrt(3 * perLabelVariance) / 3;
        assertEquals(1.0 / 3 + 2 * sigma, fit.chanceThreshold(), 1e-12);
    }

    @Test
    void aBlindGuesserIsSwitchedOffAndTheSpecCarriesTheOthersPrecision() {
        ReliabilityFit fit = ReliabilityFit.fit(validation(), labels(LOGMEL_CONFUSION), 3);

        assertEquals(List.of("chroma", "logmel"), fit.switchedOn());
        EnsembleSpec spec = fit.spec();
        assertEquals(EnsembleSpec.Strategy.SELECTIVE_ACTIVATION, spec.strategy());
        assertEquals(Set.of("chroma", "logmel"), spec.reliability().keySet());
        assertArrayEquals(fit.precision().get("logmel"), spec.reliability().get("logmel"), 0);
    }

    @Test
    void noSpecWhenNothingBeatsChance() {
        int[] labels = labels(GUESSER_CONFUSION);
        ReliabilityFit fit = ReliabilityFit.fit(Map.of("waveform", scores(GUESSER_CONFUSION)), labels, 3);

        assertEquals(List.of(), fit.switchedOn());
        assertThrows(IllegalStateException.class, fit::spec);
    }

    @Test
    void badValidationDataIsRejected() {
        int[] labels = labels(LOGMEL_CONFUSION);
        assertThrows(IllegalArgumentException.class,
                () -> ReliabilityFit.fit(Map.of("logmel", scores(LOGMEL_CONFUSION)), new int[] {0, 1}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> ReliabilityFit.fit(Map.of("logmel", scores(LOGMEL_CONFUSION)), labels, 1));
        int[] outOfRange = labels.clone();
        outOfRange[0] = 3;
        assertThrows(IllegalArgumentException.class,
                () -> ReliabilityFit.fit(Map.of("logmel", scores(LOGMEL_CONFUSION)), outOfRange, 3));
        assertThrows(IllegalArgumentException.class, () -> ReliabilityFit.fit(Map.of(), labels, 3));
    }
}
