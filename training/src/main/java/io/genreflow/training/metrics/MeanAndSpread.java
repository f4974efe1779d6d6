package io.genreflow.training.metrics;

/**
 * The mean of a metric over several evaluations and its sample standard deviation (divided by
 * n - 1: the folds are a sample of the splits one could have drawn).
 *
 * @param mean   the arithmetic mean
 * @param std    the sample standard deviation
 * @param values the values, in the order of the evaluations
 */
public record MeanAndSpread(double mean, double std, double[] values) {

    /** The mean and spread of at least two values. */
    public static MeanAndSpread of(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a spread needs at least two values, got " + values.length);
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new MeanAndSpread(mean, Math.sqrt(squares / (values.length - 1)), values.clone());
    }
}
