package io.genreflow.contracts;

/**
 * One label and its probability, as listed in a top-k ranking.
 *
 * @param label       the genre name from the model's label list
 * @param probability its probability in [0, 1]
 */
public record LabelScore(String label, double probability) {

    public LabelScore {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a ranked label needs a name");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability of '" + label + "' must be in [0, 1], got " + probability);
        }
    }
}
