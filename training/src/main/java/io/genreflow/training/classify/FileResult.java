package io.genreflow.training.classify;

/** What {@code genreflow classify} prints for one file: its verdict or why there is none. */
public sealed interface FileResult permits FileVerdict, FileFailure {

    /** The file, as given or found under a given folder. */
    String path();
}
