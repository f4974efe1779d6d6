package io.genreflow.verdict;

import io.genreflow.maths.Vectors;

import java.util.Arrays;

/**
 * Divide &amp; conquer: turns one representation's snippet probabilities into its track score.
 *
 * <p>{@link #mean} is the rule serving uses. The seed article sums the snippet scores; the mean is
 * that sum divided by the snippet count, so it ranks classes identically while staying a
 * probability distribution whatever the track length, which is what lets the ensemble weigh
 * representations against each other and lets the confidence be read as a probability. A majority
 * vote ({@link #voteShares}) throws away how sure each snippet was, so it is offered only for
 * comparison in training reports.
 *
 * <p>Snippets flagged silent (digital silence, fade-outs) say nothing about the genre and can be
 * left out with a mask; if every snippet is silent, all of them are used, so there is always a score.
 */
public final class SnippetPooling {

    private SnippetPooling() {
    }

    /**
     * The per-class mean of the snippet probability vectors.
     *
     * @param snippetProbabilities one row per snippet, one column per label
     * @param silent               true for snippets to leave out; null leaves none out
     * @return the track score, one value per label
     */
    public static double[] mean(float[][] snippetProbabilities, boolean[] silent) {
        boolean[] used = usedSnippets(snippetProbabilities, silent);
        double[] total = new double[snippetProbabilities[0].length];
        int count = 0;
        for (int s = 0; s < snippetProbabilities.length; s++) {
            if (used[s]) {
                float[] row = snippetProbabilities[s];
                for (int c = 0; c < total.length; c++) {
                    total[c] += row[c];
                }
                count++;
            }
        }
        for (int c = 0; c < total.length; c++) {
            total[c] /= count;
        }
        return total;
    }

    /**
     * The share of snippets whose most probable label is each label (a majority vote's tally).
     *
     * @param snippetProbabilities one row per snippet, one column per label
     * @param silent               true for snippets to leave out; null leaves none out
     * @return per label, the fraction of the counted snippets that voted for it
     */
    public static double[] voteShares(float[][] snippetProbabilities, boolean[] silent) {
        boolean[] used = usedSnippets(snippetProbabilities, silent);
        double[] votes = new double[snippetProbabilities[0].length];
        int count = 0;
        for (int s = 0; s < snippetProbabilities.length; s++) {
            if (used[s]) {
                votes[Vectors.argmax(snippetProbabilities[s])]++;
                count++;
            }
        }
        for (int c = 0; c < votes.length; c++) {
            votes[c] /= count;
        }
        return votes;
    }

    /** Validates the matrix and mask and says which snippets count. */
    private static boolean[] usedSnippets(float[][] probabilities, boolean[] silent) {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("no snippet probabilities: a track has at least one snippet");
        }
        int labels = probabilities[0] == null ? 0 : probabilities[0].length;
        if (labels == 0) {
            throw new IllegalArgumentException("snippet 0 has no probabilities");
        }
        for (int s = 0; s < probabilities.length; s++) {
            float[] row = probabilities[s];
            if (row == null || row.length != labels) {
                throw new IllegalArgumentException("snippet " + s + " has " + (row == null ? 0 : row.length)
                        + " probabilities, expected " + labels);
            }
            for (float p : row) {
                if (!Float.isFinite(p) || p < 0) {
                    throw new IllegalArgumentException("snippet " + s + " has an invalid probability " + p);
                }
            }
        }
        boolean[] used = new boolean[probabilities.length];
        if (silent != null && silent.length != probabilities.length) {
            throw new IllegalArgumentException("silence mask has " + silent.length + " entries for "
                    + probabilities.length + " snippets");
        }
        boolean any = false;
        for (int s = 0; s < used.length; s++) {
            used[s] = silent == null || !silent[s];
            any |= used[s];
        }
        if (!any) {
            Arrays.fill(used, true);
        }
        return used;
    }
}
