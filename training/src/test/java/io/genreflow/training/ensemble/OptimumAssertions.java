package io.genreflow.training.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that fitted logistic-regression parameters sit at a minimum of an independently computed loss. */
final class OptimumAssertions {

    /** The loss of a candidate (weights, bias), computed by the test itself. */
    interface Loss {
        double of(double[][] weights, double[] bias);
    }

    private OptimumAssertions() {
    }

    /** Nudging any weight or intercept either way never lowers the loss, and its central-difference gradient is ~0. */
    static void assertLocalMinimum(double[][] weights, double[] bias, Loss loss) {
        double best = loss.of(weights, bias);
        double h = 1e-4;
        for (int c = 0; c < weights.length; c++) {
            for (int j = 0; j <= weights[c].length; j++) {
                double[][] up = deepCopy(weights);
                double[][] down = deepCopy(weights);
                double[] bUp = bias.clone();
                double[] bDown = bias.clone();
                if (j < weights[c].length) {
                    up[c][j] += h;
                    down[c][j] -= h;
                } else {
                    bUp[c] += h;
                    bDown[c] -= h;
                }
                double lossUp = loss.of(up, bUp);
                double lossDown = loss.of(down, bDown);
                assertTrue(lossUp >= best - 1e-12 && lossDown >= best - 1e-12,
                        "moving parameter (" + c + ", " + j + ") lowers the loss");
                assertEquals(0, (lossUp - lossDown) / (2 * h), 1e-6, "gradient of parameter (" + c + ", " + j + ")");
            }
        }
    }

    private static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
