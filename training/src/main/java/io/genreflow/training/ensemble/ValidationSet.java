package io.genreflow.training.ensemble;

import io.genreflow.maths.Vectors;

import io.genreflow.contracts.Representation;

import java.util.Map;
import java.util.TreeMap;

/** Checks and holds the validation inputs both ensemble fits take, so both reject bad data the same way. */
final class ValidationSet {

    final Map<String, double[][]> scores;
    final int[] labels;
    final int labelCount;

    ValidationSet(Map<String, double[][]> scores, int[] labels, int labelCount) {
        if (labelCount < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 labels, got " + labelCount);
        }
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("no validation tracks to fit on");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= labelCount) {
                throw new IllegalArgumentException("validation track " + i + " has label index " + labels[i]
                        + ", outside 0.." + (labelCount - 1));
            }
        }
        if (scores == null || scores.isEmpty()) {
            throw new IllegalArgumentException("no representation scores to fit on");
        }
        this.scores = new TreeMap<>();
        for (Map.Entry<String, double[][]> e : scores.entrySet()) {
            Representation.fromId(e.getKey());
            double[][] rows = e.getValue();
            if (rows == null || rows.length != labels.length) {
                throw new IllegalArgumentException("'" + e.getKey() + "' has " + (rows == null ? 0 : rows.length)
                        + " validation scores for " + labels.length + " tracks");
            }
            for (int i = 0; i < rows.length; i++) {
                Vectors.requireScores(rows[i], labelCount, "validation score " + i + " of '" + e.getKey() + "'");
            }
            this.scores.put(e.getKey(), rows);
        }
        this.labels = labels.clone();
        this.labelCount = labelCount;
    }

    /** How many validation tracks carry each label. */
    int[] labelSupport() {
        int[] support = new int[labelCount];
        for (int label : labels) {
            support[label]++;
        }
        return support;
    }
}
