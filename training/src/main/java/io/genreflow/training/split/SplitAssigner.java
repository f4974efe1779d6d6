package io.genreflow.training.split;

import io.genreflow.training.dataset.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Assigns tracks to train / validation / test and to cross-validation folds: track-wise,
 * stratified by label, seeded, and keeping groups (e.g. all tracks of one artist) together.
 *
 * <p>Tracks sharing a group form one unit; a track without a group is a unit of its own. A unit
 * counts for its majority label (ties go to the lower label index). Per label, the units are
 * shuffled with a seed derived from the run's seed and the label, then handed out one by one to the
 * split (or fold) furthest below its target share of that label's tracks. For single-track units
 * this is a largest-remainder apportionment: 100 tracks at 15 % / 15 % give exactly 70 / 15 / 15,
 * 15 tracks give 11 / 2 / 2. A split with fraction 0 gets nothing. Fold ties go to the fold with
 * the fewest tracks overall, so small labels do not all pile their extra track onto fold 0.
 */
public final class SplitAssigner {

    private static final long SPLIT_STREAM = 0x5EED_5917L;
    private static final long FOLD_STREAM = 0xF01D_F01DL;

    private SplitAssigner() {
    }

    /**
     * The assignment of every track.
     *
     * @param labels label index of each track
     * @param groups group of each track; null or blank for a track in no group
     * @return one assignment per track, in track order
     */
    public static List<SplitAssignment> assign(int[] labels, List<String> groups, SplitParams params) {
        Objects.requireNonNull(params, "params");
        if (groups.size() != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + groups.size() + " groups");
        }
        List<Unit> units = units(labels, groups);
        Split[] splits = new Split[labels.length];
        int[] folds = new int[labels.length];
        int labelCount = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("label indices must not be negative, got " + label);
            }
            labelCount = Math.max(labelCount, label + 1);
        }
        double[] splitFractions = {1 - params.validationFraction() - params.testFraction(),
                params.validationFraction(), params.testFraction()};
        double[] foldFractions = new double[params.folds()];
        Arrays.fill(foldFractions, 1.0 / params.folds());
        long[] tracksPerFold = new long[params.folds()];
        for (int label = 0; label < labelCount; label++) {
            List<Unit> ofLabel = new ArrayList<>();
            for (Unit unit : units) {
                if (unit.label == label) {
                    ofLabel.add(unit);
                }
            }
            for (Unit unit : apportion(shuffled(ofLabel, params.seed(), SPLIT_STREAM, label), splitFractions, new long[3])) {
                for (int track : unit.tracks) {
                    splits[track] = Split.values()[unit.share];
                }
            }
            for (Unit unit : apportion(shuffled(ofLabel, params.seed(), FOLD_STREAM, label), foldFractions, tracksPerFold)) {
                for (int track : unit.tracks) {
                    folds[track] = unit.share;
                }
            }
        }
        List<SplitAssignment> assignments = new ArrayList<>(labels.length);
        for (int track = 0; track < labels.length; track++) {
            assignments.add(new SplitAssignment(splits[track], folds[track]));
        }
        return assignments;
    }

    /** Tracks grouped into units, in order of each unit's first track, each with its majority label. */
    private static List<Unit> units(int[] labels, List<String> groups) {
        Map<String, Unit> byGroup = new LinkedHashMap<>();
        List<Unit> units = new ArrayList<>();
        for (int track = 0; track < labels.length; track++) {
            String group = groups.get(track);
            Unit unit = group == null || group.isBlank() ? null : byGroup.get(group);
            if (unit == null) {
                unit = new Unit();
                units.add(unit);
                if (group != null && !group.isBlank()) {
                    byGroup.put(group, unit);
                }
            }
            unit.tracks.add(track);
        }
        for (Unit unit : units) {
            unit.label = majorityLabel(unit.tracks, labels);
        }
        return units;
    }

    private static int majorityLabel(List<Integer> tracks, int[] labels) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int track : tracks) {
            counts.merge(labels[track], 1, Integer::sum);
        }
        int best = -1;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            int label = entry.getKey();
            int count = entry.getValue();
            if (count > bestCount || (count == bestCount && label < best)) {
                best = label;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Gives each unit, in order, the share furthest below its target; {@code overall} counts tracks
     * per share across calls and breaks ties (fewest first, then lowest index).
     */
    private static List<Unit> apportion(List<Unit> units, double[] fractions, long[] overall) {
        long total = 0;
        for (Unit unit : units) {
            total += unit.tracks.size();
        }
        long[] given = new long[fractions.length];
        for (Unit unit : units) {
            int best = -1;
            double bestDeficit = 0;
            for (int share = 0; share < fractions.length; share++) {
                if (fractions[share] <= 0) {
                    continue;
                }
                double deficit = fractions[share] * total - given[share];
                if (best < 0 || deficit > bestDeficit || (deficit == bestDeficit && overall[share] < overall[best])) {
                    best = share;
                    bestDeficit = deficit;
                }
            }
            unit.share = best;
            given[best] += unit.tracks.size();
            overall[best] += unit.tracks.size();
        }
        return units;
    }

    /** A Fisher-Yates shuffle of a copy, with its own stream of random numbers per purpose and label. */
    private static List<Unit> shuffled(List<Unit> units, long seed, long stream, int label) {
        List<Unit> copy = new ArrayList<>(units);
        Random random = new Random(mix(mix(seed ^ stream) + label));
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Unit swapped = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swapped);
        }
        return copy;
    }

    /** SplitMix64's finaliser: turns nearby seeds into unrelated ones. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Tracks that must stay together, their label and the share (split or fold) they received. */
    private static final class Unit {
        final List<Integer> tracks = new ArrayList<>();
        int label;
        int share;
    }
}
