package io.genreflow.training.dataset;

import java.util.Arrays;

/**
 * Which tracks of a prepared dataset are evaluated: those of one split, or those of one
 * cross-validation fold (for a model set trained with that fold held out). Exactly one is set.
 *
 * @param split the split id, e.g. {@code test}; null when a fold is chosen
 * @param fold  the fold number; null when a split is chosen
 */
public record TrackSelection(String split, Integer fold) {

    public TrackSelection {
        if ((split == null) == (fold == null)) {
            throw new IllegalArgumentException("choose either a split or a fold, not both or neither");
        }
        if (split != null && Split.ofId(split).isEmpty()) {
            throw new IllegalArgumentException("unknown split '" + split + "'; expected one of "
                    + Arrays.stream(Split.values()).map(Split::id).toList());
        }
        if (fold != null && fold < 0) {
            throw new IllegalArgumentException("folds are numbered from 0, got " + fold);
        }
    }

    /** The tracks of one split. */
    public static TrackSelection of(Split split) {
        return new TrackSelection(split.id(), null);
    }

    /** The tracks of one fold. */
    public static TrackSelection fold(int fold) {
        return new TrackSelection(null, fold);
    }

    /** Whether {@code track} is selected. */
    public boolean includes(PreparedTrack track) {
        return split != null ? split.equals(track.split().id()) : fold == track.fold();
    }

    /** How reports name the selection, e.g. {@code split test} or {@code fold 2}. */
    public String description() {
        return split != null ? "split " + split : "fold " + fold;
    }
}
