package io.genreflow.training.split;

/**
 * How tracks are divided for training and evaluation.
 *
 * @param seed               seeds the shuffles; the same seed and tracks give the same assignment
 * @param validationFraction share of each label's tracks held out for validation
 * @param testFraction       share of each label's tracks held out for testing
 * @param folds              number of cross-validation folds, assigned over all tracks
 */
public record SplitParams(long seed, double validationFraction, double testFraction, int folds) {

    public SplitParams {
        if (!(validationFraction >= 0) || !(testFraction >= 0) || !(validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validation and test fractions must be 0 or more and leave some tracks"
                    + " for training (sum below 1), got " + validationFraction + " and " + testFraction);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
    }

    /** Seed 42, 15 % validation, 15 % test, 5 folds. */
    public static SplitParams defaults() {
        return new SplitParams(42, 0.15, 0.15, 5);
    }
}
