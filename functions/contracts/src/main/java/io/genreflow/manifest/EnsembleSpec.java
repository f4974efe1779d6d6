package io.genreflow.manifest;

import io.genreflow.maths.Softmax;

import io.genreflow.contracts.Representation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How serving combines per-representation track scores into one distribution over labels.
 * Fitted on validation data by training and stored in the model manifest.
 *
 * <p>The constructor validates and deep-copies its arrays, and the accessors hand out copies, so a
 * spec is immutable; equality compares array contents (a plain record would compare references).
 *
 * @param strategy    which combination to use
 * @param reliability for {@link Strategy#SELECTIVE_ACTIVATION}: representation id to one weight per
 *                    label (e.g. validation precision); representations that did not beat chance
 *                    on validation are absent, i.e. switched off. A {@link Strategy#STACKING} spec
 *                    may carry it too: it is the fallback when a stacking input is missing.
 * @param stacking    for {@link Strategy#STACKING}: the fitted meta-classifier, otherwise null
 */
public record EnsembleSpec(Strategy strategy, Map<String, double[]> reliability, StackingSpec stacking) {

    /** The available combination rules. */
    public enum Strategy {
        /** Plain average of every representation's track scores. */
        MEAN,
        /** Per-class reliability-weighted average over the representations switched on. */
        SELECTIVE_ACTIVATION,
        /** Multinomial logistic regression over the concatenated track scores. */
        STACKING
    }

    public EnsembleSpec {
        if (strategy == null) {
            throw new IllegalArgumentException(
                    "ensemble strategy is missing; expected one of " + Arrays.toString(Strategy.values()));
        }
        reliability = reliability == null ? null : validatedCopy(reliability);
        if (strategy == Strategy.SELECTIVE_ACTIVATION && (reliability == null || reliability.isEmpty())) {
            throw new IllegalArgumentException(
                    "SELECTIVE_ACTIVATION needs reliability weights for at least one representation");
        }
        if (strategy == Strategy.STACKING && stacking == null) {
            throw new IllegalArgumentException("STACKING needs the fitted stacking parameters");
        }
        if (reliability != null && stacking != null && labelCount(reliability) != stacking.bias.length) {
            throw new IllegalArgumentException("reliability weights cover " + labelCount(reliability)
                    + " labels but the stacking model " + stacking.bias.length);
        }
    }

    /** The plain average of all representations. */
    public static EnsembleSpec mean() {
        return new EnsembleSpec(Strategy.MEAN, null, null);
    }

    /** Reliability-weighted average over the representations present in {@code reliability}. */
    public static EnsembleSpec selectiveActivation(Map<String, double[]> reliability) {
        return new EnsembleSpec(Strategy.SELECTIVE_ACTIVATION, reliability, null);
    }

    /** A copy of the weights; representation ids keep the order they were given in. */
    @Override
    public Map<String, double[]> reliability() {
        return reliability == null ? null : deepCopy(reliability);
    }

    /** Representation ids whose reliability weights give them a say for at least one label. */
    public List<String> activeRepresentations() {
        if (reliability == null) {
            return List.of();
        }
        return reliability.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(w -> w > 0))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnsembleSpec other
                && strategy == other.strategy
                && Objects.equals(stacking, other.stacking)
                && sameWeights(reliability, other.reliability);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(strategy, stacking);
        if (reliability != null) {
            for (Map.Entry<String, double[]> e : reliability.entrySet()) {
                hash += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
            }
        }
        return hash;
    }

    @Override
    public String toString() {
        String weights = reliability == null ? "null" : reliability.entrySet().stream()
                .map(e -> e.getKey() + "=" + Arrays.toString(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "EnsembleSpec[strategy=" + strategy + ", reliability=" + weights + ", stacking=" + stacking + "]";
    }

    private static boolean sameWeights(Map<String, double[]> a, Map<String, double[]> b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static int labelCount(Map<String, double[]> reliability) {
        return reliability.values().iterator().next().length;
    }

    private static Map<String, double[]> validatedCopy(Map<String, double[]> reliability) {
        int labels = -1;
        for (Map.Entry<String, double[]> e : reliability.entrySet()) {
            Representation.fromId(e.getKey());
            double[] weights = e.getValue();
            if (weights == null || weights.length == 0) {
                throw new IllegalArgumentException("reliability of '" + e.getKey() + "' has no weights");
            }
            if (labels >= 0 && weights.length != labels) {
                throw new IllegalArgumentException("reliability of '" + e.getKey() + "' has " + weights.length
                        + " weights but other representations have " + labels);
            }
            labels = weights.length;
            for (double w : weights) {
                if (!Double.isFinite(w) || w < 0) {
                    throw new IllegalArgumentException("reliability of '" + e.getKey()
                            + "' contains " + w + "; weights must be finite and non-negative");
                }
            }
        }
        return deepCopy(reliability);
    }

    private static Map<String, double[]> deepCopy(Map<String, double[]> weights) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        weights.forEach((id, w) -> copy.put(id, w.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A multinomial logistic-regression meta-classifier: p = softmax(W·x + b), where x concatenates
     * the track scores of {@code inputs} in order.
     *
     * @param inputs  representation ids whose track scores are concatenated, in this order
     * @param weights one row per label, one column per concatenated input score
     * @param bias    one intercept per label
     */
    public record StackingSpec(List<String> inputs, double[][] weights, double[] bias) {

        public StackingSpec {
            if (inputs == null || inputs.isEmpty()) {
                throw new IllegalArgumentException("stacking needs at least one input representation");
            }
            inputs = List.copyOf(inputs);
            inputs.forEach(Representation::fromId);
            if (new HashSet<>(inputs).size() != inputs.size()) {
                throw new IllegalArgumentException("stacking inputs repeat a representation: " + inputs);
            }
            if (bias == null || bias.length == 0) {
                throw new IllegalArgumentException("stacking needs one bias per label");
            }
            int labels = bias.length;
            int columns = inputs.size() * labels;
            if (weights == null || weights.length != labels) {
                throw new IllegalArgumentException("stacking weights need one row per label (" + labels + "), got "
                        + (weights == null ? "none" : weights.length));
            }
            double[][] rows = new double[labels][];
            for (int c = 0; c < labels; c++) {
                if (weights[c] == null || weights[c].length != columns) {
                    throw new IllegalArgumentException("stacking weight row " + c + " needs " + columns
                            + " columns (" + inputs.size() + " inputs x " + labels + " labels)");
                }
                rows[c] = requireFinite(weights[c].clone(), "stacking weights");
            }
            weights = rows;
            bias = requireFinite(bias.clone(), "stacking bias");
        }

        /** Number of labels the meta-classifier scores. */
        public int labelCount() {
            return bias.length;
        }

        /** A copy of the weight matrix. */
        @Override
        public double[][] weights() {
            double[][] copy = new double[weights.length][];
            for (int c = 0; c < weights.length; c++) {
                copy[c] = weights[c].clone();
            }
            return copy;
        }

        /** A copy of the intercepts. */
        @Override
        public double[] bias() {
            return bias.clone();
        }

        /** softmax(W·x + b) for the track scores of {@link #inputs()}, concatenated in that order. */
        public double[] predict(Map<String, double[]> trackScores) {
            double[] logits = bias.clone();
            int offset = 0;
            for (String input : inputs) {
                double[] x = trackScores.get(input);
                for (int c = 0; c < logits.length; c++) {
                    double[] row = weights[c];
                    for (int j = 0; j < x.length; j++) {
                        logits[c] += row[offset + j] * x[j];
                    }
                }
                offset += x.length;
            }
            return Softmax.inPlace(logits);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StackingSpec other
                    && inputs.equals(other.inputs)
                    && Arrays.deepEquals(weights, other.weights)
                    && Arrays.equals(bias, other.bias);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inputs, Arrays.deepHashCode(weights), Arrays.hashCode(bias));
        }

        @Override
        public String toString() {
            List<String> rows = new ArrayList<>();
            for (double[] row : weights) {
                rows.add(Arrays.toString(row));
            }
            return "StackingSpec[inputs=" + inputs + ", weights=" + rows + ", bias=" + Arrays.toString(bias) + "]";
        }

        private static double[] requireFinite(double[] values, String what) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " contain a non-finite value " + v);
                }
            }
            return values;
        }
    }
}
