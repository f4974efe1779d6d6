package io.genreflow.training.cli;

/** A command could not do its work for a reason the user can act on; the message says which. */
public class CommandException extends Exception {

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
