package io.genreflow.contracts;

import io.genreflow.maths.Vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * The answer a user reads: the most probable genre, how probable it is, and the runners-up.
 *
 * @param genre      the label with the highest probability (the lowest label index wins a tie)
 * @param confidence that label's probability
 * @param topK       the k most probable labels, most probable first
 */
public record GenreRanking(String genre, double confidence, List<LabelScore> topK) {

    public GenreRanking {
        topK = List.copyOf(topK);
        if (topK.isEmpty() || !topK.get(0).label().equals(genre) || topK.get(0).probability() != confidence) {
            throw new IllegalArgumentException("the genre and its confidence must head the top-k list");
        }
    }

    /**
     * Ranks a distribution.
     *
     * @param probabilities one probability per label
     * @param labels        label names, in the model's output order
     * @param k             how many labels to list; capped at the number of labels
     */
    public static GenreRanking of(double[] probabilities, List<String> labels, int k) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to rank");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels repeat a name: " + labels);
        }
        Vectors.requireScores(probabilities, labels.size(), "distribution to rank");
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < probabilities.length; c++) {
            order.add(c);
        }
        // List.sort is stable, so equal probabilities keep label order, matching Vectors.argmax.
        order.sort(Comparator.comparingDouble((Integer c) -> probabilities[c]).reversed());
        List<LabelScore> top = order.stream()
                .limit(k)
                .map(c -> new LabelScore(labels.get(c), probabilities[c]))
                .toList();
        return new GenreRanking(top.get(0).label(), top.get(0).probability(), top);
    }
}
