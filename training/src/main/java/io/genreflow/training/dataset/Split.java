package io.genreflow.training.dataset;

import java.util.Arrays;
import java.util.Optional;

/** The part of a prepared dataset a track belongs to; the id is what the CSV files hold. */
public enum Split {
    TRAIN("train"),
    VALIDATION("validation"),
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** Lower-case name used in tracks.csv, snippets.csv and dataset.json. */
    public String id() {
        return id;
    }

    /** The split whose {@link #id} is {@code id}, if there is one. */
    public static Optional<Split> ofId(String id) {
        return Arrays.stream(values()).filter(split -> split.id.equals(id)).findFirst();
    }
}
