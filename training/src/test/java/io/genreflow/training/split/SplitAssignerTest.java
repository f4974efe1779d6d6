package io.genreflow.training.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.training.dataset.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

    /** GTZAN-subset-like: two big labels and eight small ones. */
    private static final int[] COUNTS = {16, 100, 15, 14, 15, 17, 16, 100, 15, 16};

    @Test
    void everyLabelIsSplitInItsOwnProportions() {
        int[] labels = labels(COUNTS);
        List<SplitAssignment> assignments = SplitAssigner.assign(labels, noGroups(labels.length), SplitParams.defaults());
        assertEquals(labels.length, assignments.size());
        for (int label = 0; label < COUNTS.length; label++) {
            Map<Split, Integer> counts = splitCounts(labels, assignments, label);
            if (COUNTS[label] == 100) {
                assertEquals(Map.of(Split.TRAIN, 70, Split.VALIDATION, 15, Split.TEST, 15), counts);
            } else {
                // 14..17 tracks at 15 %: two or three tracks each for validation and test.
                assertTrue(counts.get(Split.VALIDATION) >= 2 && counts.get(Split.VALIDATION) <= 3, counts::toString);
                assertTrue(counts.get(Split.TEST) >= 2 && counts.get(Split.TEST) <= 3, counts::toString);
                assertEquals(COUNTS[label], counts.values().stream().mapToInt(Integer::intValue).sum());
            }
        }
        assertEquals(Map.of(Split.TRAIN, 11, Split.VALIDATION, 2, Split.TEST, 2), splitCounts(labels, assignments, 2));
    }

    @Test
    void foldsAreBalancedPerLabelAndOverall() {
        int[] labels = labels(COUNTS);
        List<SplitAssignment> assignments = SplitAssigner.assign(labels, noGroups(labels.length), SplitParams.defaults());
        int[] overall = new int[5];
        for (int label = 0; label < COUNTS.length; label++) {
            int[] perFold = new int[5];
            for (int track = 0; track < labels.length; track++) {
                if (labels[track] == label) {
                    perFold[assignments.get(track).fold()]++;
                }
            }
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int count : perFold) {
                min = Math.min(min, count);
                max = Math.max(max, count);
            }
            assertTrue(max - min <= 1, "label " + label + " folds " + Arrays.toString(perFold));
            for (int fold = 0; fold < 5; fold++) {
                overall[fold] += perFold[fold];
            }
        }
        for (int count : overall) {
            assertTrue(Math.abs(count - labels.length / 5.0) <= 1, Arrays.toString(overall));
        }
    }

    @Test
    void theSameSeedGivesTheSameAssignmentAndAnotherSeedAnother() {
        int[] labels = labels(COUNTS);
        List<SplitAssignment> first = SplitAssigner.assign(labels, noGroups(labels.length), SplitParams.defaults());
        assertEquals(first, SplitAssigner.assign(labels, noGroups(labels.length), SplitParams.defaults()));
        assertNotEquals(first, SplitAssigner.assign(labels, noGroups(labels.length), new SplitParams(7, 0.15, 0.15, 5)));
    }

    @Test
    void groupsStayTogetherAndCountForTheirMajorityLabel() {
        // 60 tracks by 20 artists; each artist has three tracks, one of them with another label.
        int[] labels = new int[60];
        List<String> groups = new ArrayList<>();
        for (int track = 0; track < 60; track++) {
            int artist = track / 3;
            labels[track] = track % 3 == 2 ? (artist + 1) % 2 : artist % 2;
            groups.add("artist-" + artist);
        }
        List<SplitAssignment> assignments = SplitAssigner.assign(labels, groups, new SplitParams(3, 0.2, 0.2, 4));
        Map<String, Set<SplitAssignment>> byGroup = new HashMap<>();
        for (int track = 0; track < 60; track++) {
            byGroup.computeIfAbsent(groups.get(track), g -> new HashSet<>()).add(assignments.get(track));
        }
        byGroup.forEach((group, seen) -> assertEquals(1, seen.size(), group + " straddles " + seen));
        // Ten artists per majority label, so 6 / 2 / 2 artists per label and 12 / 4 / 4 artists overall.
        Map<Split, Long> artists = byGroup.values().stream().map(seen -> seen.iterator().next().split())
                .collect(Collectors.groupingBy(split -> split, () -> new EnumMap<>(Split.class), Collectors.counting()));
        assertEquals(Map.of(Split.TRAIN, 12L, Split.VALIDATION, 4L, Split.TEST, 4L), artists);
    }

    @Test
    void tracksWithoutAGroupAreUnitsOfTheirOwn() {
        int[] labels = labels(new int[] {10, 10});
        List<String> groups = new ArrayList<>(Collections.nCopies(20, ""));
        groups.set(0, "same");
        groups.set(1, "same");
        List<SplitAssignment> assignments = SplitAssigner.assign(labels, groups, SplitParams.defaults());
        assertEquals(assignments.get(0), assignments.get(1));
        assertEquals(20, assignments.size());
    }

    @Test
    void aZeroFractionGetsNoTracks() {
        int[] labels = labels(new int[] {7, 3, 1});
        List<SplitAssignment> assignments = SplitAssigner.assign(labels, noGroups(labels.length), new SplitParams(1, 0.3, 0, 3));
        assertTrue(assignments.stream().noneMatch(assignment -> assignment.split() == Split.TEST));
        assertEquals(Split.TRAIN, assignments.get(10).split(), "a label's only track trains");
    }

    private static int[] labels(int[] counts) {
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < counts.length; label++) {
            labels.addAll(Collections.nCopies(counts[label], label));
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> noGroups(int tracks) {
        return Collections.nCopies(tracks, "");
    }

    private static Map<Split, Integer> splitCounts(int[] labels, List<SplitAssignment> assignments, int label) {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            counts.put(split, 0);
        }
        for (int track = 0; track < labels.length; track++) {
            if (labels[track] == label) {
                counts.merge(assignments.get(track).split(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
