package io.genreflow.training.ensemble;

import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.maths.Vectors;
import io.genreflow.verdict.Ensemble;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackingFitTest {

    private static final int TRACKS = 60;
    private static final int LABELS = 3;

    /** True labels cycle 0, 1, 2. */
    private static int[] labels() {
        int[] labels = new int[TRACKS];
        for (int i = 0; i < TRACKS; i++) {
            labels[i] = i % LABELS;
        }
        return labels;
    }

    private static double[] noisy(Random random, int peak, double height) {
        double[] row = new double[LABELS];
        double total = 0;
        for (int c = 0; c < LABELS; c++) {
            row[c] = (c == peak ? height : 0) + 0.2 * random.nextDouble() + 0.01;
            total += row[c];
        }
        for (int c = 0; c < LABELS; c++) {
            row[c] /= total;
        }
        return row;
    }

    /**
     * Logmel tells 0 from 1 but calls every 2 a 0; chroma only recognises 2. Neither alone is
     * right on every track; together they separate all three labels.
     */
    private static Map<String, double[][]> validation() {
        Random random = new Random(42);
        int[] labels = labels();
        double[][] logmel = new double[TRACKS][];
        double[][] chroma = new double[TRACKS][];
        for (int i = 0; i < TRACKS; i++) {
            logmel[i] = noisy(random, labels[i] == 1 ? 1 : 0, 1.0);
            chroma[i] = labels[i] == 2 ? noisy(random, 2, 1.0) : noisy(random, random.nextInt(2), 0.3);
        }
        return Map.of("logmel", logmel, "chroma", chroma);
    }

    private static double accuracy(EnsembleSpec.StackingSpec stacking, Map<String, double[][]> scores, int[] labels) {
        EnsembleSpec spec = new EnsembleSpec(EnsembleSpec.Strategy.STACKING, null, stacking);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            Map<String, double[]> track = Map.of("logmel", scores.get("logmel")[i], "chroma", scores.get("chroma")[i]);
            double[] p = Ensemble.combine(spec, track, List.of("logmel", "chroma")).probabilities();
            right += Vectors.argmax(p) == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    private static double argmaxAccuracy(double[][] scores, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += Vectors.argmax(scores[i]) == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    /** The objective as the class documents it, written out independently of the solver. */
    private static double loss(double[][] w, double[] b, Map<String, double[][]> scores, List<String> inputs,
                               int[] labels, double l2) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] x = new double[inputs.size() * LABELS];
            for (int r = 0; r < inputs.size(); r++) {
                System.arraycopy(scores.get(inputs.get(r))[i], 0, x, r * LABELS, LABELS);
            }
            double[] logits = new double[LABELS];
            double normaliser = 0;
            for (int c = 0; c < LABELS; c++) {
                logits[c] = b[c];
                for (int j = 0; j < x.length; j++) {
                    logits[c] += w[c][j] * x[j];
                }
                normaliser += Math.exp(logits[c]);
            }
            total += Math.log(normaliser) - logits[labels[i]];
        }
        double penalty = 0;
        for (double[] row : w) {
            for (double v : row) {
                penalty += v * v;
            }
        }
        return total / labels.length + l2 / 2 * penalty;
    }

    @Test
    void separatesAProblemNoSingleRepresentationSolves() {
        Map<String, double[][]> validation = validation();
        int[] labels = labels();

        EnsembleSpec.StackingSpec fitted =
                StackingFit.fit(validation, List.of("logmel", "chroma"), labels, LABELS, 1e-3);

        assertTrue(argmaxAccuracy(validation.get("logmel"), labels) < 1);
        assertTrue(argmaxAccuracy(validation.get("chroma"), labels) < 1);
        assertEquals(1.0, accuracy(fitted, validation, labels));
        assertEquals(List.of("logmel", "chroma"), fitted.inputs());
    }

    @Test
    void fitIsDeterministic() {
        Map<String, double[][]> validation = validation();
        int[] labels = labels();

        EnsembleSpec.StackingSpec first = StackingFit.fit(validation, List.of("logmel", "chroma"), labels, LABELS,
                StackingFit.DEFAULT_L2);
        EnsembleSpec.StackingSpec second = StackingFit.fit(validation, List.of("logmel", "chroma"), labels, LABELS,
                StackingFit.DEFAULT_L2);

        assertEquals(first, second);
    }

    @Test
    void fittedWeightsMinimiseTheRegularisedCrossEntropy() {
        Map<String, double[][]> validation = validation();
        int[] labels = labels();
        List<String> inputs = List.of("chroma", "logmel");
        double l2 = StackingFit.DEFAULT_L2;

        EnsembleSpec.StackingSpec fitted = StackingFit.fit(validation, inputs, labels, LABELS, l2);

        OptimumAssertions.assertLocalMinimum(fitted.weights(), fitted.bias(), (w, b) -> loss(w, b, validation, inputs, labels, l2));
    }

    @Test
    void strongerPenaltyGivesSmallerWeights() {
        Map<String, double[][]> validation = validation();
        int[] labels = labels();

        double loose = norm(StackingFit.fit(validation, List.of("logmel", "chroma"), labels, LABELS, 1e-3));
        double tight = norm(StackingFit.fit(validation, List.of("logmel", "chroma"), labels, LABELS, 1.0));

        assertTrue(tight < loose, "tight " + tight + " vs loose " + loose);
    }

    private static double norm(EnsembleSpec.StackingSpec spec) {
        double total = 0;
        for (double[] row : spec.weights()) {
            for (double v : row) {
                total += v * v;
            }
        }
        return total;
    }

    @Test
    void badArgumentsAreRejected() {
        Map<String, double[][]> validation = validation();
        int[] labels = labels();

        assertThrows(IllegalArgumentException.class,
                () -> StackingFit.fit(validation, List.of("logmel"), labels, LABELS, 0));
        assertThrows(IllegalArgumentException.class,
                () -> StackingFit.fit(validation, List.of("logmel", "waveform"), labels, LABELS, 1e-2));
        assertThrows(IllegalArgumentException.class,
                () -> StackingFit.fit(validation, List.of(), labels, LABELS, 1e-2));
    }
}
