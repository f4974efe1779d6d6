package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparisons recommended by the librosa reference README, reporting the worst error so a
 * failure says by how much a tolerance was missed.
 */
public final class ParityAssertions {

    private ParityAssertions() {
    }

    /** Element-wise {@code |actual - expected| <= absTolerance}; returns the worst error. */
    public static double assertAbsolute(double[][] expected, float[][] actual, double absTolerance, String what) {
        assertSameShape(expected, actual, what);
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                worst = Math.max(worst, Math.abs(actual[r][c] - expected[r][c]));
            }
        }
        double finalWorst = worst;
        assertTrue(worst <= absTolerance, () -> what + ": max abs error " + finalWorst + " > " + absTolerance);
        return worst;
    }

    /**
     * {@code |error| <= absOfMax * max|expected|} everywhere and {@code |error| <= rel * |expected|}
     * where {@code |expected| > 1e-3 max}; returns the worst relative error of the second kind.
     */
    public static double assertScaled(double[][] expected, float[][] actual, double absOfMax, double rel, String what) {
        assertSameShape(expected, actual, what);
        double max = 0;
        for (double[] row : expected) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        assertAbsolute(expected, actual, absOfMax * max, what);
        double worstRel = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                if (Math.abs(expected[r][c]) > 1e-3 * max) {
                    worstRel = Math.max(worstRel, Math.abs(actual[r][c] - expected[r][c]) / Math.abs(expected[r][c]));
                }
            }
        }
        double finalWorst = worstRel;
        assertTrue(worstRel <= rel, () -> what + ": max rel error " + finalWorst + " > " + rel + " where above 1e-3 max");
        return worstRel;
    }

    /** dB matrices: {@code <= 0.01 dB} everywhere and {@code <= 1e-3 dB} within 60 dB of the maximum. */
    public static double assertDecibels(double[][] expected, float[][] actual, String what) {
        assertAbsolute(expected, actual, 0.01, what);
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : expected) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                if (expected[r][c] >= max - 60) {
                    worst = Math.max(worst, Math.abs(actual[r][c] - expected[r][c]));
                }
            }
        }
        double finalWorst = worst;
        assertTrue(worst <= 1e-3, () -> what + ": max error within 60 dB of the maximum " + finalWorst + " dB > 1e-3");
        return worst;
    }

    private static void assertSameShape(double[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, actual[r].length, what + ": columns of row " + r);
        }
    }
}
