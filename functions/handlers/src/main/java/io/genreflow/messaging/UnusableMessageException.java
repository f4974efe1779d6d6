package io.genreflow.messaging;

/**
 * A message names something that does not exist (a track, a batch), so delivering it again cannot
 * help; its route's {@link WhenUnusable} decides what becomes of it.
 */
public final class UnusableMessageException extends RuntimeException {

    public UnusableMessageException(String message) {
        super(message);
    }
}
