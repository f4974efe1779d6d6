package io.genreflow.training.ensemble;

import io.genreflow.maths.Softmax;
import io.genreflow.maths.Vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final int LABELS = 3;
    private static final double L2 = 1e-2;

    /** Three overlapping Gaussian clouds in 4 dimensions; label {@code i % 3}, except that label 2 is rare. */
    private static double[][] features(int samples, Random random) {
        double[][] x = new double[samples][4];
        for (int i = 0; i < samples; i++) {
            int label = label(i);
            for (int j = 0; j < 4; j++) {
                x[i][j] = (j == label ? 1.2 : 0) + random.nextGaussian();
            }
        }
        return x;
    }

    private static int label(int i) {
        return i % 10 == 9 ? 2 : i % 2;
    }

    private static int[] labels(int samples) {
        int[] labels = new int[samples];
        Arrays.setAll(labels, LogisticRegressionTest::label);
        return labels;
    }

    private static double[] ones(int length) {
        double[] weights = new double[length];
        Arrays.fill(weights, 1);
        return weights;
    }

    /** The objective as the class documents it, written out independently of the solver. */
    private static double loss(double[][] w, double[] b, double[][] x, int[] y, double[] sampleWeights, double l2) {
        double total = 0;
        double totalWeight = 0;
        for (int i = 0; i < y.length; i++) {
            double[] logits = new double[LABELS];
            double normaliser = 0;
            for (int c = 0; c < LABELS; c++) {
                logits[c] = b[c];
                for (int j = 0; j < x[i].length; j++) {
                    logits[c] += w[c][j] * x[i][j];
                }
                normaliser += Math.exp(logits[c]);
            }
            total += sampleWeights[i] * (Math.log(normaliser) - logits[y[i]]);
            totalWeight += sampleWeights[i];
        }
        double penalty = 0;
        for (double[] row : w) {
            for (double v : row) {
                penalty += v * v;
            }
        }
        return total / totalWeight + l2 / 2 * penalty;
    }

    @Test
    void fittedParametersMinimiseTheWeightedRegularisedCrossEntropy() {
        double[][] x = features(80, new Random(1));
        int[] y = labels(80);
        double[] sampleWeights = new double[80];
        Arrays.setAll(sampleWeights, i -> 0.5 + (i % 7) / 3.0);

        LogisticRegression model = LogisticRegression.fit(x, y, LABELS, sampleWeights, L2);

        OptimumAssertions.assertLocalMinimum(model.weights(), model.bias(), (w, b) -> loss(w, b, x, y, sampleWeights, L2));
    }

    @Test
    void reachesTheMinimumOnWideStronglyCorrelatedFeatures() {
        // Like standardised statistics of neighbouring spectrum bins: 300 columns driven by 3 factors.
        Random random = new Random(6);
        int samples = 60;
        double[][] x = new double[samples][300];
        int[] y = labels(samples);
        for (int i = 0; i < samples; i++) {
            double[] factors = {random.nextGaussian() + y[i], random.nextGaussian(), random.nextGaussian() - y[i]};
            for (int j = 0; j < 300; j++) {
                x[i][j] = factors[j % 3] * (1 + j / 300.0) + 0.01 * random.nextGaussian();
            }
        }
        double[] sampleWeights = ones(samples);

        LogisticRegression model = LogisticRegression.fit(x, y, LABELS, sampleWeights, L2);

        double[][] w = model.weights();
        double[] b = model.bias();
        double h = 1e-5;
        for (int c = 0; c < LABELS; c++) {
            for (int j = 0; j < 300; j += 7) {
                double[][] up = model.weights();
                double[][] down = model.weights();
                up[c][j] += h;
                down[c][j] -= h;
                double slope = (loss(up, b, x, y, sampleWeights, L2) - loss(down, b, x, y, sampleWeights, L2)) / (2 * h);
                assertEquals(0, slope, 1e-6, "gradient of weight (" + c + ", " + j + ")");
            }
        }
        assertTrue(Arrays.stream(w).flatMapToDouble(Arrays::stream).anyMatch(v -> Math.abs(v) > 1e-3));
    }

    @Test
    void aWeightOfTwoIsTheSampleTwiceAndAWeightOfZeroIsNoSample() {
        double[][] x = features(30, new Random(2));
        int[] y = labels(30);
        double[] sampleWeights = ones(30);
        sampleWeights[4] = 2;
        sampleWeights[7] = 0;
        double[][] expandedX = new double[30][];
        int[] expandedY = new int[30];
        for (int i = 0, k = 0; i < 30; i++) {
            for (int copy = 0; copy < sampleWeights[i]; copy++) {
                expandedX[k] = x[i];
                expandedY[k++] = y[i];
            }
        }

        LogisticRegression weighted = LogisticRegression.fit(x, y, LABELS, sampleWeights, L2);
        LogisticRegression expanded = LogisticRegression.fit(expandedX, expandedY, LABELS, L2);

        for (int c = 0; c < LABELS; c++) {
            assertArrayEquals(expanded.weights()[c], weighted.weights()[c], 1e-5);
        }
        assertArrayEquals(expanded.bias(), weighted.bias(), 1e-5);
    }

    @Test
    void classBalancedWeightsRecoverTheRareLabel() {
        double[][] x = features(400, new Random(3));
        int[] y = labels(400);
        int[] support = new int[LABELS];
        for (int label : y) {
            support[label]++;
        }
        double[] balanced = new double[400];
        Arrays.setAll(balanced, i -> 400.0 / (LABELS * support[y[i]]));

        double plainRecall = recallOfRareLabel(LogisticRegression.fit(x, y, LABELS, L2), x, y);
        double balancedRecall = recallOfRareLabel(LogisticRegression.fit(x, y, LABELS, balanced, L2), x, y);

        assertTrue(balancedRecall > plainRecall + 0.2, "balanced " + balancedRecall + ", plain " + plainRecall);
    }

    private static double recallOfRareLabel(LogisticRegression model, double[][] x, int[] y) {
        int hits = 0;
        int rare = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 2) {
                rare++;
                hits += model.predict(x[i]) == 2 ? 1 : 0;
            }
        }
        return (double) hits / rare;
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheAffineScoresAndPredictTheirArgmax() {
        double[][] x = features(60, new Random(4));
        LogisticRegression model = LogisticRegression.fit(x, labels(60), LABELS, L2);
        double[] row = {0.3, -1, 2, 0.5};

        double[] expected = model.bias();
        for (int c = 0; c < LABELS; c++) {
            for (int j = 0; j < row.length; j++) {
                expected[c] += model.weights()[c][j] * row[j];
            }
        }
        double[] probabilities = model.probabilities(row);

        assertArrayEquals(Softmax.inPlace(expected.clone()), probabilities, 1e-15);
        assertEquals(Vectors.argmax(probabilities), model.predict(row));
        assertEquals(4, model.featureCount());
        assertEquals(LABELS, model.labelCount());
        assertThrows(IllegalArgumentException.class, () -> model.predict(new double[3]));
    }

    @Test
    void fitIsDeterministic() {
        double[][] x = features(50, new Random(5));
        int[] y = labels(50);

        LogisticRegression first = LogisticRegression.fit(x, y, LABELS, L2);
        LogisticRegression second = LogisticRegression.fit(x, y, LABELS, L2);

        assertTrue(Arrays.deepEquals(first.weights(), second.weights()));
        assertArrayEquals(first.bias(), second.bias());
    }

    @Test
    void badArgumentsAreRejectedWithTheReason() {
        double[][] x = {{1, 2}, {3, 4}};
        int[] y = {0, 1};

        assertEquals("the L2 penalty must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, y, 2, 0)).getMessage());
        assertEquals("sample 1 has label index 2, outside 0..1",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0, 2}, 2, L2))
                        .getMessage());
        assertEquals("feature row 1 has 1 values, row 0 has 2", assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(new double[][] {{1, 2}, {3}}, y, 2, L2)).getMessage());
        assertEquals("feature row 0 holds the non-finite value NaN", assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(new double[][] {{1, Double.NaN}, {3, 4}}, y, 2, L2)).getMessage());
        assertEquals("the sample weights sum to 0; at least one sample must count", assertThrows(
                IllegalArgumentException.class, () -> LogisticRegression.fit(x, y, 2, new double[2], L2)).getMessage());
        assertEquals("sample 0 has weight -1.0; weights must be finite and non-negative", assertThrows(
                IllegalArgumentException.class, () -> LogisticRegression.fit(x, y, 2, new double[] {-1, 2}, L2))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(new double[0][], new int[0], 2, L2));
    }
}
