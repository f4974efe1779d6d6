package io.genreflow.verdict;

import java.util.List;

/**
 * No verdict can be made for a track because none of the representations the ensemble relies on
 * produced scores (each failed and went to a dead-letter queue). The track should be marked failed
 * with this message.
 */
public final class NoVerdictException extends RuntimeException {

    private final List<String> missing;

    public NoVerdictException(List<String> missing) {
        super(missing.isEmpty()
                ? "no verdict possible: no representation produced scores for this track"
                : "no verdict possible: none of the representations the ensemble relies on produced scores"
                        + " (missing: " + String.join(", ", missing) + "); check those classifiers' dead-letter queues");
        this.missing = List.copyOf(missing);
    }

    /** Representation ids the ensemble needed and did not get. */
    public List<String> missing() {
        return missing;
    }
}
