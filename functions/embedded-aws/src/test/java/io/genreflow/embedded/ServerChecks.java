package io.genreflow.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;

/** What every embedded server promises about starting, stopping and its port. */
final class ServerChecks {

    private ServerChecks() {
    }

    /** Starting twice or stopping twice is harmless; a free port is chosen for port 0, on the loopback. */
    static void startAndStopAreIdempotent(EmbeddedServer server) {
        server.start();
        int port = server.port();
        assertNotEquals(0, port);
        assertEquals(server, server.start());
        assertEquals(port, server.port());
        assertEquals("127.0.0.1", server.endpoint().getHost());
        server.stop();
        server.stop();
        assertThrows(IllegalStateException.class, server::port);
    }

    /** A server configured with a taken port fails to start and names the port. */
    static void saysWhichPortIsTaken(IntFunction<EmbeddedServer> onPort) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedServer server = onPort.apply(taken.getLocalPort());
            PortInUseException failure = assertThrows(PortInUseException.class, server::start);
            assertEquals(taken.getLocalPort(), failure.port());
            assertTrue(failure.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), failure.getMessage());
        }
    }
}
