package io.genreflow.contracts;

/**
 * A message or document that is not valid JSON for its contract, or breaks one of its rules.
 * Redelivering it cannot help: the message belongs on the dead-letter queue, and the text says what
 * is wrong with it.
 */
public final class MalformedContractException extends RuntimeException {

    public MalformedContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
