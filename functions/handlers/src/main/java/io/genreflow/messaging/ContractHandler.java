package io.genreflow.messaging;

/**
 * Handles one kind of message, already read from its queue's body by a {@link QueueRouter}.
 * Returning acknowledges the message; throwing has it delivered again (see {@link MessageHandler}).
 *
 * @param <T> the message type
 */
@FunctionalInterface
public interface ContractHandler<T> {

    /** Acts on {@code message}; throws to have it redelivered. */
    void handle(T message) throws Exception;
}
