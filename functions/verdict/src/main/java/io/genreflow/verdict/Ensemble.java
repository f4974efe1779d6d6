package io.genreflow.verdict;

import io.genreflow.contracts.EnsembleResult;
import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.maths.Vectors;

import io.genreflow.contracts.Representation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Combines per-representation scores into one distribution as an {@link EnsembleSpec} says, and
 * degrades gracefully when some representations are missing for a track.
 *
 * <p>The same rule applies to track scores (the verdict) and to one snippet's scores (the timeline).
 *
 * <ul>
 *   <li>MEAN: the average of every present representation; degraded when one the track was sent
 *       to is missing.</li>
 *   <li>SELECTIVE_ACTIVATION: for label c, {@code Σ_r w_rc·s_rc / Σ_r w_rc} over the switched-on
 *       representations present, then renormalised to sum to 1. A missing representation just
 *       drops out of both sums. A label no present representation is reliable for (all weights 0)
 *       takes the plain average of the present ones: its score stays on the same scale as the
 *       others instead of being silently forced to 0. With no switched-on representation present
 *       there is no verdict: one that did not beat chance on validation would only add noise.</li>
 *   <li>STACKING: softmax(W·x + b) over the inputs concatenated in the spec's order. It needs every
 *       input; with one missing it falls back to selective activation over those present when the
 *       spec carries reliability weights, else to the mean.</li>
 * </ul>
 */
public final class Ensemble {

    private Ensemble() {
    }

    /**
     * Combines scores.
     *
     * @param spec     the fitted ensemble
     * @param scores   representation id to its scores (one non-negative value per label); a
     *                 representation that failed for this track is simply absent
     * @param expected the representations the track was sent to: what MEAN needs to be complete
     * @throws NoVerdictException when none of the representations the strategy relies on is present
     */
    public static EnsembleResult combine(EnsembleSpec spec, Map<String, double[]> scores, Collection<String> expected) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(expected, "expected");
        Map<String, double[]> present = validated(spec, scores);
        return switch (spec.strategy()) {
            case MEAN -> mean(present, absent(expected, present));
            case SELECTIVE_ACTIVATION -> selective(spec, present, List.of());
            case STACKING -> stacking(spec, present);
        };
    }

    private static EnsembleResult stacking(EnsembleSpec spec, Map<String, double[]> present) {
        EnsembleSpec.StackingSpec stacking = spec.stacking();
        List<String> missing = absent(stacking.inputs(), present);
        if (missing.isEmpty()) {
            return new EnsembleResult(stacking.predict(present), EnsembleSpec.Strategy.STACKING, Map.of(), false,
                    List.of());
        }
        if (spec.reliability() != null) {
            return selective(spec, present, missing);
        }
        return mean(present, missing);
    }

    private static EnsembleResult mean(Map<String, double[]> present, List<String> missing) {
        if (present.isEmpty()) {
            throw new NoVerdictException(missing);
        }
        return plainMean(present, EnsembleSpec.Strategy.MEAN, missing);
    }

    /**
     * Reliability-weighted average.
     *
     * @param alsoMissing representations an outer strategy needed and did not get (stacking fallback)
     */
    private static EnsembleResult selective(EnsembleSpec spec, Map<String, double[]> present, List<String> alsoMissing) {
        Map<String, double[]> reliability = spec.reliability();
        List<String> active = spec.activeRepresentations();
        Set<String> missingSet = new LinkedHashSet<>(alsoMissing);
        missingSet.addAll(absent(active, present));
        List<String> missing = List.copyOf(missingSet);

        Map<String, double[]> used = new LinkedHashMap<>();
        active.stream().filter(present::containsKey).forEach(id -> used.put(id, present.get(id)));
        if (used.isEmpty()) {
            throw new NoVerdictException(missing);
        }

        int labels = used.values().iterator().next().length;
        double[] combined = new double[labels];
        Map<String, double[]> shares = new LinkedHashMap<>();
        used.keySet().forEach(id -> shares.put(id, new double[labels]));
        for (int c = 0; c < labels; c++) {
            double totalWeight = 0;
            for (String id : used.keySet()) {
                totalWeight += reliability.get(id)[c];
            }
            for (Map.Entry<String, double[]> e : used.entrySet()) {
                double share = totalWeight > 0 ? reliability.get(e.getKey())[c] / totalWeight : 1.0 / used.size();
                shares.get(e.getKey())[c] = share;
                combined[c] += share * e.getValue()[c];
            }
        }
        if (Vectors.sum(combined) <= 0) {
            // Every label's reliable representations gave it zero probability: there is no weighted
            // evidence at all, so the plain average is the only honest answer left.
            return plainMean(used, EnsembleSpec.Strategy.SELECTIVE_ACTIVATION, missing);
        }
        return new EnsembleResult(Vectors.normaliseInPlace(combined), EnsembleSpec.Strategy.SELECTIVE_ACTIVATION,
                shares, !missing.isEmpty(), missing);
    }

    private static EnsembleResult plainMean(Map<String, double[]> used, EnsembleSpec.Strategy strategy,
                                            List<String> missing) {
        int labels = used.values().iterator().next().length;
        double[] combined = new double[labels];
        Map<String, double[]> shares = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : used.entrySet()) {
            double[] share = new double[labels];
            Arrays.fill(share, 1.0 / used.size());
            shares.put(e.getKey(), share);
            for (int c = 0; c < labels; c++) {
                combined[c] += e.getValue()[c] / used.size();
            }
        }
        return new EnsembleResult(Vectors.normaliseInPlace(combined), strategy, shares, !missing.isEmpty(), missing);
    }

    private static List<String> absent(Collection<String> wanted, Map<String, double[]> present) {
        List<String> missing = new ArrayList<>();
        for (String id : wanted) {
            if (!present.containsKey(id) && !missing.contains(id)) {
                missing.add(id);
            }
        }
        return List.copyOf(missing);
    }

    /** Checks every score vector and returns them in a fixed (id) order so sums never depend on map type. */
    private static Map<String, double[]> validated(EnsembleSpec spec, Map<String, double[]> scores) {
        Objects.requireNonNull(scores, "scores");
        int labels = labelCount(spec, scores);
        Map<String, double[]> present = new TreeMap<>();
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            Representation.fromId(e.getKey());
            Vectors.requireScores(e.getValue(), labels, "scores of '" + e.getKey() + "'");
            present.put(e.getKey(), e.getValue());
        }
        return present;
    }

    private static int labelCount(EnsembleSpec spec, Map<String, double[]> scores) {
        if (spec.stacking() != null) {
            return spec.stacking().labelCount();
        }
        Map<String, double[]> reliability = spec.reliability();
        if (reliability != null) {
            return reliability.values().iterator().next().length;
        }
        return scores.values().stream()
                .filter(Objects::nonNull)
                .mapToInt(s -> s.length)
                .findFirst()
                .orElse(0);
    }
}
