package io.genreflow.messaging;

/** Some messages could not be sent to a queue even after retrying; the text says which and why. */
public final class MessageSendException extends RuntimeException {

    public MessageSendException(String message) {
        super(message);
    }
}
