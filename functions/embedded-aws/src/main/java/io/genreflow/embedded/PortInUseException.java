package io.genreflow.embedded;

/** An embedded server could not listen because another process already holds its port. */
public final class PortInUseException extends RuntimeException {

    private final String server;
    private final int port;

    PortInUseException(String server, int port, Throwable cause) {
        super(server + " cannot listen on 127.0.0.1:" + port + ": the port is already in use."
                + " Stop whatever holds it (another genreflow?) or choose another port.", cause);
        this.server = server;
        this.port = port;
    }

    /** Which server failed, e.g. "S3". */
    public String server() {
        return server;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }

    /** Whether {@code failure} or one of its causes says an address was already bound. */
    static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Address already in use") || message.contains("Failed to bind"))) {
                return true;
            }
        }
        return false;
    }
}
