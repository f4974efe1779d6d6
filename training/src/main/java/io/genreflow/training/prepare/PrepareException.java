package io.genreflow.training.prepare;

/** Preparing a dataset cannot go on, for a reason the user can act on; the message says which. */
public final class PrepareException extends Exception {

    public PrepareException(String message) {
        super(message);
    }

    public PrepareException(String message, Throwable cause) {
        super(message, cause);
    }
}
