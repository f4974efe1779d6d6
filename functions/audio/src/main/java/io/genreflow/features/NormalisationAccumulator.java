package io.genreflow.features;

import io.genreflow.manifest.Normalisation;

/**
 * Streams feature matrices of one representation and yields their {@link Normalisation}: mean
 * and population standard deviation per column, or over all values. Keeps only per-column
 * count, mean and sum of squared deviations in double, merged batch by batch with Chan et al.'s
 * parallel update, so it is stable over millions of frames and accumulators from different
 * threads can be {@link #merge merged}. Not thread-safe.
 */
public final class NormalisationAccumulator {

    /**
     * Standard deviations below this become 1: a column that never varies (e.g. always-floored
     * dB) is then centred instead of divided by almost zero.
     */
    static final double MIN_STD = 1e-6;

    private final int columns;
    private long count;
    private final double[] mean;
    private final double[] squaredDeviations;

    public NormalisationAccumulator(int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        this.columns = columns;
        this.mean = new double[columns];
        this.squaredDeviations = new double[columns];
    }

    /** Rows (feature vectors) seen so far. */
    public long count() {
        return count;
    }

    /** Adds every row of {@code features} ({@code [steps][columns]}). */
    public void add(float[][] features) {
        if (features.length == 0) {
            return;
        }
        double[] batchMean = new double[columns];
        for (float[] row : features) {
            if (row.length != columns) {
                throw new IllegalArgumentException("expected rows of " + columns + " features, got " + row.length);
            }
            for (int j = 0; j < columns; j++) {
                batchMean[j] += row[j];
            }
        }
        for (int j = 0; j < columns; j++) {
            batchMean[j] /= features.length;
        }
        double[] batchDeviations = new double[columns];
        for (float[] row : features) {
            for (int j = 0; j < columns; j++) {
                double d = row[j] - batchMean[j];
                batchDeviations[j] += d * d;
            }
        }
        combine(features.length, batchMean, batchDeviations);
    }

    /** Adds everything {@code other} has seen. */
    public void merge(NormalisationAccumulator other) {
        if (other.columns != columns) {
            throw new IllegalArgumentException("cannot merge " + other.columns + " columns into " + columns);
        }
        if (other.count > 0) {
            combine(other.count, other.mean, other.squaredDeviations);
        }
    }

    private void combine(long otherCount, double[] otherMean, double[] otherDeviations) {
        long total = count + otherCount;
        for (int j = 0; j < columns; j++) {
            double delta = otherMean[j] - mean[j];
            mean[j] += delta * otherCount / total;
            squaredDeviations[j] += otherDeviations[j] + delta * delta * ((double) count * otherCount / total);
        }
        count = total;
    }

    /** Mean and standard deviation of each column. */
    public Normalisation perColumn() {
        requireData();
        double[] std = new double[columns];
        for (int j = 0; j < columns; j++) {
            std[j] = usable(Math.sqrt(squaredDeviations[j] / count));
        }
        return new Normalisation(mean.clone(), std);
    }

    /** One mean and standard deviation over every value of every column. */
    public Normalisation global() {
        requireData();
        double overallMean = 0;
        for (double m : mean) {
            overallMean += m;
        }
        overallMean /= columns;
        double deviations = 0;
        for (int j = 0; j < columns; j++) {
            double d = mean[j] - overallMean;
            deviations += squaredDeviations[j] + count * d * d;
        }
        return Normalisation.scalar(overallMean, usable(Math.sqrt(deviations / ((double) count * columns))));
    }

    private void requireData() {
        if (count == 0) {
            throw new IllegalStateException("no features added; statistics need at least one frame");
        }
    }

    private static double usable(double std) {
        return std < MIN_STD ? 1.0 : std;
    }
}
