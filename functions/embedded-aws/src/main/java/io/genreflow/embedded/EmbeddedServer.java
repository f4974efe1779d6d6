package io.genreflow.embedded;

import java.net.URI;

/** A server embedded in this JVM on 127.0.0.1: started and stopped any number of times, reachable at its endpoint. */
public interface EmbeddedServer extends AutoCloseable {

    /**
     * Starts listening, unless it already is.
     *
     * @throws PortInUseException when the configured port is taken
     */
    EmbeddedServer start();

    /** Stops listening, if it is. */
    void stop();

    /**
     * The port listened on (the chosen one when configured with 0).
     *
     * @throws IllegalStateException when not started
     */
    int port();

    /** The URL clients call. */
    URI endpoint();

    /** Stops the server. */
    @Override
    void close();
}
