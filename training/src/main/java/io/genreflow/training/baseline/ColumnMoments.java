package io.genreflow.training.baseline;

/**
 * Mean and standard deviation of every feature column over all the frames added, accumulated in
 * double precision with Welford's update (1962), so long tracks of dB values lose no digits to
 * cancellation.
 */
final class ColumnMoments {

    private final double[] mean;
    private final double[] squares;
    private long frames;

    ColumnMoments(int columns) {
        mean = new double[columns];
        squares = new double[columns];
    }

    /** Adds the frames of one snippet, {@code [frames][columns]}. */
    void add(float[][] snippet) {
        for (float[] frame : snippet) {
            if (frame.length != mean.length) {
                throw new IllegalArgumentException("a frame of " + frame.length + " columns, expected " + mean.length);
            }
            frames++;
            for (int j = 0; j < frame.length; j++) {
                double delta = frame[j] - mean[j];
                mean[j] += delta / frames;
                squares[j] += delta * (frame[j] - mean[j]);
            }
        }
    }

    long frames() {
        return frames;
    }

    /** The column means followed by the column (population) standard deviations: {@code 2 × columns} values. */
    double[] meanThenStd() {
        if (frames == 0) {
            throw new IllegalStateException("no frames were added");
        }
        double[] summary = new double[2 * mean.length];
        for (int j = 0; j < mean.length; j++) {
            summary[j] = mean[j];
            summary[mean.length + j] = Math.sqrt(squares[j] / frames);
        }
        return summary;
    }
}
