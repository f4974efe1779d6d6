package io.genreflow.embedded;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

import java.net.URI;
import java.util.Objects;

/**
 * An SQS-compatible server (ElasticMQ) on 127.0.0.1. Queues and messages live in memory only:
 * whatever is queued when it stops is gone. It does not check signatures, so any credentials work.
 * Dead-letter redrive, visibility timeouts, long polling and batches behave as in SQS.
 */
public final class EmbeddedSqs implements EmbeddedServer {

    private static final String HOST = "127.0.0.1";

    private final int requestedPort;
    private final String region;
    private SQSRestServer server;
    private int port;

    private EmbeddedSqs(int port, String region) {
        this.requestedPort = port;
        this.region = region;
    }

    /**
     * A server for {@code region} (it appears in queue ARNs) on {@code port}, 0 for any free port.
     * Not yet started.
     */
    public static EmbeddedSqs create(int port, String region) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        return new EmbeddedSqs(port, Objects.requireNonNull(region, "region"));
    }

    /**
     * Starts listening; does nothing when already started.
     *
     * @throws PortInUseException when the port is taken
     */
    public synchronized EmbeddedSqs start() {
        if (server != null) {
            return this;
        }
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface(HOST).withAWSRegion(region);
        builder = requestedPort == 0 ? builder.withDynamicPort()
                : builder.withPort(requestedPort).withServerAddress(new NodeAddress("http", HOST, requestedPort, ""));
        SQSRestServer candidate = builder.start();
        try {
            port = candidate.waitUntilStarted().localAddress().getPort();
        } catch (Exception e) {
            // Scala code throws checked exceptions undeclared, so the bind failure arrives as Exception.
            stopAfterFailedStart(candidate);
            if (PortInUseException.isBindFailure(e)) {
                throw new PortInUseException("SQS", requestedPort, e);
            }
            throw new IllegalStateException("the embedded SQS server did not start: " + e.getMessage(), e);
        }
        server = candidate;
        return this;
    }

    private static void stopAfterFailedStart(SQSRestServer candidate) {
        try {
            candidate.stopAndWait();
        } catch (Exception e) {
            // Stopping waits on the failed binding and rethrows its failure; the actor system is down by then.
            System.getLogger(EmbeddedSqs.class.getName()).log(System.Logger.Level.DEBUG, "ElasticMQ stop after failed start", e);
        }
    }

    /** Stops listening and drops every queue; does nothing when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stopAndWait();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The port it listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the embedded SQS server is not running; call start() first");
        }
        return port;
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:9324}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port());
    }

    /** The region queue ARNs name. */
    public String region() {
        return region;
    }
}
