package io.genreflow.training.ensemble;

import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.maths.Vectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selective activation fitted on validation data (seed model card): how far each representation
 * can be trusted per label, and which representations are switched on at all.
 *
 * <p>A representation's predictions are the argmax of its validation track scores. Its weight for
 * label c is its precision for c: of the tracks it called c, the fraction that truly are c (0 when
 * it never called c, since there is no evidence it can be trusted there).
 *
 * <p>Precision alone would reward a representation that always answers the same label, so
 * switching on is decided by balanced accuracy (the mean per-label recall), which any predictor
 * blind to the audio scores 1/L on average for L labels, however unbalanced the labels. A
 * representation is switched on only if its balanced accuracy exceeds 1/L by two standard
 * deviations of a label-blind guesser's balanced accuracy on this very validation set:
 * σ² = (1/K²)·Σ_c (1/L)(1 − 1/L)/n_c over the K labels with n_c &gt; 0 validation tracks. A blind
 * guesser clears that bar about 2% of the time, and small validation sets demand a bigger lead.
 *
 * <p>The result holds fresh arrays owned by the caller; equality is the record default.
 *
 * @param precision        per representation, per label: validation precision
 * @param balancedAccuracy per representation: mean per-label recall on validation
 * @param chanceThreshold  the balanced accuracy a representation must exceed to be switched on
 */
public record ReliabilityFit(Map<String, double[]> precision, Map<String, Double> balancedAccuracy,
                             double chanceThreshold) {

    /** Standard deviations of a blind guesser's balanced accuracy a representation must clear. */
    static final double CHANCE_MARGIN_SIGMAS = 2.0;

    /**
     * Fits reliability on validation track scores.
     *
     * @param validationScores representation id to one score row per validation track
     * @param labels           the true label index of each validation track
     * @param labelCount       the number of labels the models score
     */
    public static ReliabilityFit fit(Map<String, double[][]> validationScores, int[] labels, int labelCount) {
        ValidationSet data = new ValidationSet(validationScores, labels, labelCount);
        int[] support = data.labelSupport();
        Map<String, double[]> precision = new LinkedHashMap<>();
        Map<String, Double> balanced = new LinkedHashMap<>();
        data.scores.forEach((id, rows) -> {
            int[][] confusion = confusion(rows, data.labels, labelCount);
            precision.put(id, precision(confusion));
            balanced.put(id, balancedAccuracy(confusion, support));
        });
        return new ReliabilityFit(Collections.unmodifiableMap(precision), Collections.unmodifiableMap(balanced),
                chanceThreshold(support));
    }

    /** Representation ids whose balanced accuracy beats chance, in id order. */
    public List<String> switchedOn() {
        return balancedAccuracy.entrySet().stream()
                .filter(e -> e.getValue() > chanceThreshold)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The weights of the switched-on representations, ready for an {@link EnsembleSpec}. */
    public Map<String, double[]> reliability() {
        Map<String, double[]> on = new LinkedHashMap<>();
        switchedOn().forEach(id -> on.put(id, precision.get(id).clone()));
        return on;
    }

    /**
     * The selective-activation spec.
     *
     * @throws IllegalStateException when no representation beats chance: serving could not make a
     *                               verdict from such models, so training must not ship them
     */
    public EnsembleSpec spec() {
        if (switchedOn().isEmpty()) {
            throw new IllegalStateException("no representation beats chance on validation: balanced accuracies "
                    + balancedAccuracy + " are all at or below " + chanceThreshold);
        }
        return EnsembleSpec.selectiveActivation(reliability());
    }

    /** confusion[true][predicted] counts. */
    private static int[][] confusion(double[][] rows, int[] labels, int labelCount) {
        int[][] confusion = new int[labelCount][labelCount];
        for (int i = 0; i < rows.length; i++) {
            confusion[labels[i]][Vectors.argmax(rows[i])]++;
        }
        return confusion;
    }

    private static double[] precision(int[][] confusion) {
        int labelCount = confusion.length;
        double[] precision = new double[labelCount];
        for (int predicted = 0; predicted < labelCount; predicted++) {
            int calls = 0;
            for (int[] row : confusion) {
                calls += row[predicted];
            }
            precision[predicted] = calls == 0 ? 0 : (double) confusion[predicted][predicted] / calls;
        }
        return precision;
    }

    private static double balancedAccuracy(int[][] confusion, int[] support) {
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < support.length; c++) {
            if (support[c] > 0) {
                recallSum += (double) confusion[c][c] / support[c];
                present++;
            }
        }
        return recallSum / present;
    }

    private static double chanceThreshold(int[] support) {
        double chance = 1.0 / support.length;
        double variance = 0;
        int present = 0;
        for (int n : support) {
            if (n > 0) {
                variance += chance * (1 - chance) / n;
                present++;
            }
        }
        variance /= (double) present * present;
        return chance + CHANCE_MARGIN_SIGMAS * Math.sqrt(variance);
    }
}
