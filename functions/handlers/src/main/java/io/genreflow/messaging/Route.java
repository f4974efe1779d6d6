package io.genreflow.messaging;

import io.genreflow.contracts.ContractJson;
import java.util.Objects;
import java.util.function.Function;

/**
 * One queue a function consumes: how a body becomes a typed message, who handles it, and what
 * becomes of a message that cannot be used.
 *
 * @param queue        the queue's name
 * @param reader       reads a body; throws {@link io.genreflow.contracts.MalformedContractException} when it cannot
 * @param handler      handles what the reader made
 * @param whenUnusable what a malformed or unusable message leads to
 * @param <T>          the message type
 */
public record Route<T>(String queue, Function<String, T> reader, ContractHandler<T> handler,
                       WhenUnusable whenUnusable) {

    public Route {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(whenUnusable, "whenUnusable");
    }

    /** A route whose bodies are the JSON contract {@code type}. */
    public static <T> Route<T> of(String queue, Class<T> type, ContractHandler<T> handler, WhenUnusable whenUnusable) {
        return new Route<>(queue, body -> ContractJson.read(body, type), handler, whenUnusable);
    }

    /** Reads {@code body} and hands the message to the handler. */
    void deliver(String body) throws Exception {
        handler.handle(reader.apply(body));
    }
}
