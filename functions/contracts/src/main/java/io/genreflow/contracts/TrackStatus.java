package io.genreflow.contracts;

import java.util.Set;

/** Where a track is in the pipeline; a track always ends DONE or FAILED, never stays in between. */
public enum TrackStatus {
    /** The splitter is decoding the upload and planning snippets. */
    SPLITTING,
    /** Snippet batches are out with the classifiers; the aggregator is collecting results. */
    CLASSIFYING,
    /** The verdict is stored. */
    DONE,
    /** The track cannot be processed; the record says why and where. */
    FAILED;

    /** Whether a track in this status may move to {@code next}. */
    public boolean canMoveTo(TrackStatus next) {
        return switch (this) {
            case SPLITTING -> Set.of(CLASSIFYING, FAILED).contains(next);
            case CLASSIFYING -> Set.of(DONE, FAILED).contains(next);
            case DONE, FAILED -> false;
        };
    }

    /** Whether nothing more will happen to the track. */
    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}
