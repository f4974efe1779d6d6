package io.genreflow.training.models;

import io.genreflow.training.metrics.ClassificationMetrics;
import io.genreflow.training.evaluate.Evaluator;
import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.training.ensemble.ReliabilityFit;
import io.genreflow.training.ensemble.StackingFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fits the ensemble on validation track scores and chooses its strategy.
 *
 * <p>The candidates are the plain mean, selective activation ({@link ReliabilityFit}) and stacking
 * ({@link StackingFit}, carrying the reliability weights as its fallback when an input is missing).
 * Judging a fitted strategy on the tracks it was fitted on flatters it (stacking most, as it has the
 * most parameters), so the strategies are compared by leave-one-out: every validation track is
 * predicted by the strategy fitted on all the other tracks. The best leave-one-out track balanced
 * accuracy wins, then the best macro-F1, then the simpler strategy (mean, selective activation,
 * stacking), since on a tie the one with fewer fitted numbers is the safer bet. The winner is then
 * fitted on all validation tracks. In a leave-one-out fit where no representation beats chance,
 * selective activation predicts with the mean, as there would be nothing to weigh.
 */
public final class EnsembleCalibration {

    /** How the strategies are compared, as calibration.json records it. */
    static final String CRITERION = "leave-one-out over the validation tracks (each track predicted by the strategy"
            + " fitted on all the others): best track balanced accuracy, then macro-F1, then the simpler strategy"
            + " (MEAN, SELECTIVE_ACTIVATION, STACKING)";

    /** Which strategy to ship. */
    public enum Request {
        /** Whichever compares best. */
        AUTO,
        MEAN,
        SELECTIVE_ACTIVATION,
        STACKING;

        /** The request named on the command line: {@code auto}, {@code mean}, {@code selective-activation} or {@code stacking}. */
        public static Request named(String name) {
            for (Request request : values()) {
                if (request.optionValue().equals(name)) {
                    return request;
                }
            }
            throw new IllegalArgumentException("unknown strategy '" + name + "'; expected one of "
                    + Arrays.stream(values()).map(Request::optionValue).toList());
        }

        /** The command-line spelling. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<String, double[][]> scores;
    private final List<String> inputs;
    private final int[] labels;
    private final List<String> labelNames;

    /**
     * @param scores     representation id to one pooled score row per validation track
     * @param inputs     the representations, in the manifest's order (stacking concatenates them so)
     * @param labels     the true label index of each validation track
     * @param labelNames the label names
     */
    public EnsembleCalibration(Map<String, double[][]> scores, List<String> inputs, int[] labels,
                               List<String> labelNames) {
        if (labels.length < 2) {
            throw new IllegalArgumentException("calibrating an ensemble needs at least 2 validation tracks, got "
                    + labels.length);
        }
        this.scores = Map.copyOf(scores);
        this.inputs = List.copyOf(inputs);
        this.labels = labels.clone();
        this.labelNames = List.copyOf(labelNames);
    }

    /**
     * Fits and compares every strategy and returns the calibration of the one shipped.
     *
     * @throws IllegalArgumentException when the requested strategy cannot be used (selective
     *                                  activation with no representation beating chance)
     */
    public Calibration calibrate(Request request) {
        ReliabilityFit reliability = ReliabilityFit.fit(scores, labels, labelNames.size());
        Map<EnsembleSpec.Strategy, EnsembleSpec> fitted = new EnumMap<>(EnsembleSpec.Strategy.class);
        Map<EnsembleSpec.Strategy, Calibration.StrategyScores> compared = new EnumMap<>(EnsembleSpec.Strategy.class);
        for (EnsembleSpec.Strategy strategy : EnsembleSpec.Strategy.values()) {
            Optional<EnsembleSpec> spec = fit(strategy, scores, labels);
            spec.ifPresent(found -> fitted.put(strategy, found));
            compared.put(strategy, new Calibration.StrategyScores(spec.isPresent(), leaveOneOut(strategy),
                    spec.map(found -> scoresOf(found, scores, labels)).orElse(null)));
        }
        EnsembleSpec.Strategy chosen = request == Request.AUTO ? best(compared) : EnsembleSpec.Strategy.valueOf(request.name());
        if (!fitted.containsKey(chosen)) {
            throw new IllegalArgumentException("the " + chosen + " ensemble cannot be used: no representation beats"
                    + " chance on validation (balanced accuracies " + reliability.balancedAccuracy() + ", threshold "
                    + String.format(Locale.ROOT, "%.3f", reliability.chanceThreshold()) + ")");
        }
        Map<String, HeadlineScores> representations = new LinkedHashMap<>();
        for (String input : inputs) {
            int[] predicted = new int[labels.length];
            for (int t = 0; t < labels.length; t++) {
                predicted[t] = Evaluator.predictedLabel(scores.get(input)[t], labelNames);
            }
            representations.put(input, HeadlineScores.of(ClassificationMetrics.of(labels, predicted, labelNames.size())));
        }
        return new Calibration(labels.length, representations, reliability, reliability.switchedOn(),
                StackingFit.DEFAULT_L2, CRITERION, compared, request.optionValue(), chosen,
                reason(request, chosen, compared), fitted.get(chosen));
    }

    /** The strategy fitted on the given tracks, or empty when it cannot be used there. */
    private Optional<EnsembleSpec> fit(EnsembleSpec.Strategy strategy, Map<String, double[][]> trackScores,
                                       int[] trackLabels) {
        if (strategy == EnsembleSpec.Strategy.MEAN) {
            return Optional.of(EnsembleSpec.mean());
        }
        ReliabilityFit reliability = ReliabilityFit.fit(trackScores, trackLabels, labelNames.size());
        boolean anyOn = !reliability.switchedOn().isEmpty();
        if (strategy == EnsembleSpec.Strategy.SELECTIVE_ACTIVATION) {
            return anyOn ? Optional.of(reliability.spec()) : Optional.empty();
        }
        EnsembleSpec.StackingSpec stacking = StackingFit.fit(trackScores, inputs, trackLabels, labelNames.size(),
                StackingFit.DEFAULT_L2);
        return Optional.of(new EnsembleSpec(EnsembleSpec.Strategy.STACKING, anyOn ? reliability.reliability() : null,
                stacking));
    }

    /** Each track predicted by the strategy fitted on all the other tracks. */
    private HeadlineScores leaveOneOut(EnsembleSpec.Strategy strategy) {
        int tracks = labels.length;
        int[] predicted = new int[tracks];
        for (int held = 0; held < tracks; held++) {
            Map<String, double[][]> rest = new LinkedHashMap<>();
            for (Map.Entry<String, double[][]> entry : scores.entrySet()) {
                rest.put(entry.getKey(), without(entry.getValue(), held));
            }
            int[] restLabels = without(labels, held);
            EnsembleSpec spec = fit(strategy, rest, restLabels).orElseGet(EnsembleSpec::mean);
            Map<String, double[][]> heldOut = new LinkedHashMap<>();
            for (Map.Entry<String, double[][]> entry : scores.entrySet()) {
                heldOut.put(entry.getKey(), new double[][] {entry.getValue()[held]});
            }
            predicted[held] = Evaluator.ensembleTrackPredictions(spec, labelNames, heldOut)[0];
        }
        return HeadlineScores.of(ClassificationMetrics.of(labels, predicted, labelNames.size()));
    }

    private HeadlineScores scoresOf(EnsembleSpec spec, Map<String, double[][]> trackScores, int[] trackLabels) {
        int[] predicted = Evaluator.ensembleTrackPredictions(spec, labelNames, trackScores);
        return HeadlineScores.of(ClassificationMetrics.of(trackLabels, predicted, labelNames.size()));
    }

    /** The available strategy with the best leave-one-out scores; the enum order is simplest first. */
    private static EnsembleSpec.Strategy best(Map<EnsembleSpec.Strategy, Calibration.StrategyScores> compared) {
        Comparator<Map.Entry<EnsembleSpec.Strategy, Calibration.StrategyScores>> better = Comparator
                .comparingDouble((Map.Entry<EnsembleSpec.Strategy, Calibration.StrategyScores> e) ->
                        e.getValue().leaveOneOut().balancedAccuracy())
                .thenComparingDouble(e -> e.getValue().leaveOneOut().macroF1())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return compared.entrySet().stream()
                .filter(e -> e.getValue().available())
                .max(better)
                .orElseThrow()
                .getKey();
    }

    private static String reason(Request request, EnsembleSpec.Strategy chosen,
                                 Map<EnsembleSpec.Strategy, Calibration.StrategyScores> compared) {
        String figures = compared.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f / %.3f%s", e.getKey(),
                        e.getValue().leaveOneOut().balancedAccuracy(), e.getValue().leaveOneOut().macroF1(),
                        e.getValue().available() ? "" : " (unavailable: no representation beats chance)"))
                .collect(Collectors.joining(", "));
        String how = request == Request.AUTO ? "chosen by leave-one-out" : "requested with --strategy";
        return chosen + " " + how + "; leave-one-out track balanced accuracy / macro-F1: " + figures;
    }

    private static double[][] without(double[][] rows, int index) {
        List<double[]> kept = new ArrayList<>(List.of(rows));
        kept.remove(index);
        return kept.toArray(double[][]::new);
    }

    private static int[] without(int[] values, int index) {
        int[] kept = new int[values.length - 1];
        System.arraycopy(values, 0, kept, 0, index);
        System.arraycopy(values, index + 1, kept, index, values.length - index - 1);
        return kept;
    }
}
