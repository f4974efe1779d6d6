package io.genreflow.training.split;

import io.genreflow.training.dataset.Split;
import java.util.Objects;

/**
 * Where one track goes: its split and its cross-validation fold.
 *
 * @param split the track's split
 * @param fold  the track's fold, from 0
 */
public record SplitAssignment(Split split, int fold) {

    public SplitAssignment {
        Objects.requireNonNull(split, "split");
        if (fold < 0) {
            throw new IllegalArgumentException("folds are numbered from 0, got " + fold);
        }
    }
}
