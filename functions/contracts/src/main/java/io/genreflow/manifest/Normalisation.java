package io.genreflow.manifest;


import java.util.Arrays;

/**
 * Standardisation applied to a representation before it reaches its model:
 * {@code x' = (x - mean[j]) / std[j]} for feature column j, or one scalar pair for every column
 * (arrays of length 1). Computed by training with {@code io.genreflow.features.NormalisationAccumulator} (genreflow-audio) and stored in
 * the model manifest as {@code {"mean": [...], "std": [...]}}.
 *
 * @param mean per-column means, or a single mean for all columns
 * @param std  per-column standard deviations (all positive), same length as {@code mean}
 */
public record Normalisation(double[] mean, double[] std) {

    public Normalisation {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("normalisation needs mean and std of the same, non-zero length, got "
                    + (mean == null ? "no mean" : mean.length + " means") + " and "
                    + (std == null ? "no std" : std.length + " stds"));
        }
        for (int j = 0; j < std.length; j++) {
            if (!(std[j] > 0) || !Double.isFinite(std[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("normalisation column " + j + " has mean " + mean[j] + " and std " + std[j]
                        + "; std must be positive and both finite");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The same mean and standard deviation for every feature column. */
    public static Normalisation scalar(double mean, double std) {
        return new Normalisation(new double[] {mean}, new double[] {std});
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    private boolean isScalar() {
        return mean.length == 1;
    }

    /**
     * Standardises {@code features} ({@code [steps][columns]}) in place.
     *
     * @throws IllegalArgumentException when per-column statistics do not match the column count
     */
    public void apply(float[][] features) {
        if (features.length == 0) {
            return;
        }
        int columns = features[0].length;
        if (!isScalar() && columns != mean.length) {
            throw new IllegalArgumentException("normalisation has " + mean.length + " columns, the features have " + columns
                    + " (statistics computed for another representation or parameters?)");
        }
        float[] offset = new float[columns];
        float[] scale = new float[columns];
        for (int j = 0; j < columns; j++) {
            int k = isScalar() ? 0 : j;
            offset[j] = (float) mean[k];
            scale[j] = (float) (1.0 / std[k]);
        }
        for (float[] row : features) {
            for (int j = 0; j < columns; j++) {
                row[j] = (row[j] - offset[j]) * scale[j];
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalisation that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalisation[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
