package io.genreflow.training.cli;

/** The command line is wrong (unknown option, missing or malformed value); the message says how. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
