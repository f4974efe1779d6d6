package io.genreflow.training.evaluate;

/**
 * A confidence interval.
 *
 * @param lower its lower end
 * @param upper its upper end
 */
public record Interval(double lower, double upper) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval's lower end must not exceed its upper end, got " + lower
                    + " and " + upper);
        }
    }
}
