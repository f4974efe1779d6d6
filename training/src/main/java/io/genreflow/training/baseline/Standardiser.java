package io.genreflow.training.baseline;

/**
 * Per-column standardisation {@code (x - mean) / std} with statistics taken from training rows only.
 * A column whose training values are (almost) constant is only centred, as in the trainer: dividing
 * by a tiny spread would blow noise on unseen tracks up into huge inputs.
 */
final class Standardiser {

    /** Spreads below this count as constant. */
    static final double MIN_STD = 1e-6;

    private final double[] mean;
    private final double[] std;

    private Standardiser(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Column statistics of {@code rows} (population standard deviation). */
    static Standardiser fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to take statistics from");
        }
        int width = rows[0].length;
        double[] mean = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= rows.length;
        }
        double[] std = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                double deviation = row[j] - mean[j];
                std[j] += deviation * deviation;
            }
        }
        for (int j = 0; j < width; j++) {
            std[j] = Math.sqrt(std[j] / rows.length);
            if (std[j] < MIN_STD) {
                std[j] = 1;
            }
        }
        return new Standardiser(mean, std);
    }

    double[] mean() {
        return mean.clone();
    }

    /** The divisors applied: the standard deviations, with 1 for constant columns. */
    double[] scale() {
        return std.clone();
    }

    /** A standardised copy of {@code row}. */
    double[] apply(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("a row of " + row.length + " values, the statistics have " + mean.length);
        }
        double[] standardised = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            standardised[j] = (row[j] - mean[j]) / std[j];
        }
        return standardised;
    }
}
