package io.genreflow.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a model's output row holds; the classifier turns logits into probabilities itself. */
public enum ModelOutput {
    /** Unnormalised scores; the classifier applies a softmax. */
    @JsonProperty("logits")
    LOGITS,
    /** A probability distribution over the labels (the model ends in a softmax). */
    @JsonProperty("probabilities")
    PROBABILITIES
}
