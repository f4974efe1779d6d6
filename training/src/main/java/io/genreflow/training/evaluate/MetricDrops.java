package io.genreflow.training.evaluate;

/**
 * How much worse a model does on a variant of the tracks than on their original audio: the
 * original's figure minus the variant's, so a positive number is a loss.
 *
 * @param snippetAccuracy       drop of the snippet accuracy
 * @param trackAccuracy         drop of the track accuracy
 * @param trackBalancedAccuracy drop of the track balanced accuracy
 * @param trackMacroF1          drop of the track macro-F1
 */
public record MetricDrops(double snippetAccuracy, double trackAccuracy, double trackBalancedAccuracy,
                          double trackMacroF1) {

    /** The drops from {@code original} to {@code variant}. */
    public static MetricDrops between(ModelScores original, ModelScores variant) {
        return new MetricDrops(original.snippet().accuracy() - variant.snippet().accuracy(),
                original.track().accuracy() - variant.track().accuracy(),
                original.track().balancedAccuracy() - variant.track().balancedAccuracy(),
                original.track().macroF1() - variant.track().macroF1());
    }
}
