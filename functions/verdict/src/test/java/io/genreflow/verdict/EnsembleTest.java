package io.genreflow.verdict;

import io.genreflow.contracts.EnsembleResult;
import io.genreflow.manifest.EnsembleSpec;

import io.genreflow.manifest.EnsembleSpec.StackingSpec;
import io.genreflow.manifest.EnsembleSpec.Strategy;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnsembleTest {

    private static final List<String> ALL = List.of("logmel", "spectrogram", "chroma", "waveform");

    private static final double[] LOGMEL = {0.6, 0.3, 0.1};
    private static final double[] SPECTROGRAM = {0.2, 0.5, 0.3};
    private static final double[] CHROMA = {0.1, 0.1, 0.8};
    private static final double[] WAVEFORM = {0.4, 0.4, 0.2};

    private static Map<String, double[]> scores(Object... idAndScores) {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int i = 0; i < idAndScores.length; i += 2) {
            map.put((String) idAndScores[i], (double[]) idAndScores[i + 1]);
        }
        return map;
    }

    private static Map<String, double[]> allFour() {
        return scores("logmel", LOGMEL, "spectrogram", SPECTROGRAM, "chroma", CHROMA, "waveform", WAVEFORM);
    }

    @Test
    void meanAveragesEveryRepresentation() {
        EnsembleResult result = Ensemble.combine(EnsembleSpec.mean(), allFour(), ALL);

        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = (LOGMEL[c] + SPECTROGRAM[c] + CHROMA[c] + WAVEFORM[c]) / 4;
        }
        assertArrayEquals(expected, result.probabilities(), 1e-12);
        assertEquals(Strategy.MEAN, result.strategy());
        assertFalse(result.degraded());
        assertEquals(List.of(), result.missing());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, result.weights().get("chroma"), 0);
    }

    @Test
    void meanWithAMissingRepresentationUsesTheOthersAndSaysSo() {
        EnsembleResult result = Ensemble.combine(EnsembleSpec.mean(),
                scores("logmel", LOGMEL, "chroma", CHROMA), ALL);

        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = (LOGMEL[c] + CHROMA[c]) / 2;
        }
        assertArrayEquals(expected, result.probabilities(), 1e-12);
        assertTrue(result.degraded());
        assertEquals(List.of("spectrogram", "waveform"), result.missing());
        assertEquals(2, result.weights().size());
    }

    @Test
    void selectiveActivationWeighsEachClassByReliabilityAndRenormalises() {
        double[] wLogmel = {0.9, 0.5, 0.2};
        double[] wChroma = {0.3, 0.5, 0.8};
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(Map.of("logmel", wLogmel, "chroma", wChroma));

        EnsembleResult result = Ensemble.combine(spec, allFour(), ALL);

        double[] raw = new double[3];
        double total = 0;
        for (int c = 0; c < 3; c++) {
            raw[c] = (wLogmel[c] * LOGMEL[c] + wChroma[c] * CHROMA[c]) / (wLogmel[c] + wChroma[c]);
            total += raw[c];
        }
        for (int c = 0; c < 3; c++) {
            raw[c] /= total;
        }
        assertArrayEquals(raw, result.probabilities(), 1e-12);
        assertEquals(1.0, result.probabilities()[0] + result.probabilities()[1] + result.probabilities()[2], 1e-12);
        assertEquals(Strategy.SELECTIVE_ACTIVATION, result.strategy());
        assertFalse(result.degraded());
        assertArrayEquals(new double[] {0.9 / 1.2, 0.5, 0.2 / 1.0}, result.weights().get("logmel"), 1e-12);
        assertEquals(2, result.weights().size());
    }

    @Test
    void aSwitchedOffRepresentationHasNoInfluence() {
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(
                Map.of("logmel", new double[] {0.9, 0.5, 0.2}, "chroma", new double[] {0.3, 0.5, 0.8}));

        EnsembleResult withWaveform = Ensemble.combine(spec, allFour(), ALL);
        Map<String, double[]> wildWaveform = allFour();
        wildWaveform.put("waveform", new double[] {0, 0, 1});
        EnsembleResult withOtherWaveform = Ensemble.combine(spec, wildWaveform, ALL);
        Map<String, double[]> noWaveform = allFour();
        noWaveform.remove("waveform");
        EnsembleResult withoutWaveform = Ensemble.combine(spec, noWaveform, ALL);

        assertArrayEquals(withWaveform.probabilities(), withOtherWaveform.probabilities(), 0);
        assertArrayEquals(withWaveform.probabilities(), withoutWaveform.probabilities(), 0);
        assertFalse(withoutWaveform.degraded(), "losing a switched-off representation changes nothing");
    }

    @Test
    void aClassNoRepresentationIsReliableForTakesThePlainAverage() {
        double[] wLogmel = {0.8, 0.0, 0.4};
        double[] wChroma = {0.2, 0.0, 0.4};
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(Map.of("logmel", wLogmel, "chroma", wChroma));

        EnsembleResult result = Ensemble.combine(spec, scores("logmel", LOGMEL, "chroma", CHROMA), ALL);

        double[] raw = {
                (0.8 * LOGMEL[0] + 0.2 * CHROMA[0]) / 1.0,
                (LOGMEL[1] + CHROMA[1]) / 2,
                (0.4 * LOGMEL[2] + 0.4 * CHROMA[2]) / 0.8,
        };
        double total = raw[0] + raw[1] + raw[2];
        assertArrayEquals(new double[] {raw[0] / total, raw[1] / total, raw[2] / total}, result.probabilities(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.5, 0.5}, result.weights().get("logmel"), 1e-12);
    }

    @Test
    void whenNoWeightedEvidenceIsLeftSelectiveActivationFallsBackToThePlainAverage() {
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(
                Map.of("logmel", new double[] {1, 0}, "chroma", new double[] {0, 1}));

        EnsembleResult result = Ensemble.combine(spec,
                scores("logmel", new double[] {0, 1}, "chroma", new double[] {1, 0}), ALL);

        assertArrayEquals(new double[] {0.5, 0.5}, result.probabilities(), 1e-12);
        assertEquals(Strategy.SELECTIVE_ACTIVATION, result.strategy());
    }

    @Test
    void selectiveActivationDropsAMissingReliableRepresentationAndRenormalises() {
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(
                Map.of("logmel", new double[] {0.9, 0.5, 0.2}, "chroma", new double[] {0.3, 0.5, 0.8}));

        EnsembleResult result = Ensemble.combine(spec,
                scores("logmel", LOGMEL, "spectrogram", SPECTROGRAM, "waveform", WAVEFORM), ALL);

        assertArrayEquals(LOGMEL, result.probabilities(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, result.weights().get("logmel"), 0);
        assertTrue(result.degraded());
        assertEquals(List.of("chroma"), result.missing());
    }

    @Test
    void noVerdictWhenEveryReliableRepresentationIsMissing() {
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(
                Map.of("logmel", new double[] {0.9, 0.5, 0.2}, "chroma", new double[] {0.3, 0.5, 0.8}));

        NoVerdictException e = assertThrows(NoVerdictException.class,
                () -> Ensemble.combine(spec, scores("waveform", WAVEFORM), ALL));

        assertEquals(Set.of("logmel", "chroma"), Set.copyOf(e.missing()));
        assertTrue(e.getMessage().contains("no verdict possible"), e.getMessage());
        assertThrows(NoVerdictException.class, () -> Ensemble.combine(EnsembleSpec.mean(), Map.of(), ALL));
    }

    @Test
    void stackingIsSoftmaxOfTheLinearModelOverInputsInSpecOrder() {
        double[][] w = {
                {1.0, 0.0, 0.0, 0.5, -0.5, 0.0},
                {0.0, 2.0, 0.0, 0.0, 0.0, 0.0},
                {0.0, 0.0, -1.0, 0.0, 0.0, 3.0},
        };
        double[] b = {0.1, -0.2, 0.0};
        EnsembleSpec spec = new EnsembleSpec(Strategy.STACKING, null,
                new StackingSpec(List.of("chroma", "logmel"), w, b));

        EnsembleResult result = Ensemble.combine(spec, allFour(), ALL);

        double[] x = {CHROMA[0], CHROMA[1], CHROMA[2], LOGMEL[0], LOGMEL[1], LOGMEL[2]};
        double[] exp = new double[3];
        double total = 0;
        for (int c = 0; c < 3; c++) {
            double logit = b[c];
            for (int j = 0; j < 6; j++) {
                logit += w[c][j] * x[j];
            }
            exp[c] = Math.exp(logit);
            total += exp[c];
        }
        for (int c = 0; c < 3; c++) {
            exp[c] /= total;
        }
        assertArrayEquals(exp, result.probabilities(), 1e-12);
        assertEquals(Strategy.STACKING, result.strategy());
        assertFalse(result.degraded());
        assertTrue(result.weights().isEmpty());
    }

    @Test
    void stackingWithAMissingInputFallsBackToSelectiveActivationWhenItHasReliability() {
        Map<String, double[]> reliability = Map.of("logmel", new double[] {0.9, 0.5, 0.2},
                "chroma", new double[] {0.3, 0.5, 0.8});
        EnsembleSpec spec = new EnsembleSpec(Strategy.STACKING, reliability,
                new StackingSpec(List.of("logmel", "waveform"), new double[3][6], new double[3]));
        Map<String, double[]> present = scores("logmel", LOGMEL, "chroma", CHROMA, "spectrogram", SPECTROGRAM);

        EnsembleResult result = Ensemble.combine(spec, present, ALL);

        EnsembleResult selective = Ensemble.combine(EnsembleSpec.selectiveActivation(reliability), present, ALL);
        assertArrayEquals(selective.probabilities(), result.probabilities(), 0);
        assertEquals(Strategy.SELECTIVE_ACTIVATION, result.strategy());
        assertTrue(result.degraded());
        assertEquals(List.of("waveform"), result.missing());
    }

    @Test
    void stackingWithAMissingInputAndNoReliabilityFallsBackToTheMeanOfWhatIsPresent() {
        EnsembleSpec spec = new EnsembleSpec(Strategy.STACKING, null,
                new StackingSpec(List.of("logmel", "chroma"), new double[3][6], new double[3]));

        EnsembleResult result = Ensemble.combine(spec, scores("chroma", CHROMA, "waveform", WAVEFORM), ALL);

        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = (CHROMA[c] + WAVEFORM[c]) / 2;
        }
        assertArrayEquals(expected, result.probabilities(), 1e-12);
        assertEquals(Strategy.MEAN, result.strategy());
        assertTrue(result.degraded());
        assertEquals(List.of("logmel"), result.missing());
    }

    @Test
    void scoresThatCannotBeDistributionsAreRejected() {
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(Map.of("logmel", new double[] {1, 1, 1}));

        assertThrows(IllegalArgumentException.class,
                () -> Ensemble.combine(spec, scores("logmel", new double[] {0.5, 0.5}), ALL));
        assertThrows(IllegalArgumentException.class,
                () -> Ensemble.combine(spec, scores("logmel", new double[] {0.5, Double.NaN, 0}), ALL));
        assertThrows(IllegalArgumentException.class,
                () -> Ensemble.combine(spec, scores("logmel", new double[] {0, 0, 0}), ALL));
        assertThrows(IllegalArgumentException.class,
                () -> Ensemble.combine(spec, scores("mfcc", new double[] {0.5, 0.5, 0}), ALL));
    }
}
