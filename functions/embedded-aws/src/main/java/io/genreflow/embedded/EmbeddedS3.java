package io.genreflow.embedded;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * An S3-compatible server (S3Proxy) on 127.0.0.1 that checks AWS signatures (v2 and v4) against
 * one access key. Objects live in files under a folder, so they survive restarts, or only in
 * memory for tests. Clients must use path-style addressing ({@code http://127.0.0.1:PORT/bucket/key}).
 *
 * <pre>{@code
 * try (EmbeddedS3 s3 = EmbeddedS3.builder().transientStorage().credentials("key", "secret").build().start()) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)...
 * }
 * }</pre>
 */
public final class EmbeddedS3 implements EmbeddedServer {

    private static final String HOST = "127.0.0.1";
    /** What a browser's PUT signed in headers (AWS Signature V4) carries besides Host and Content-Length. */
    private static final List<String> BROWSER_UPLOAD_HEADERS = List.of("authorization", "content-type",
            "x-amz-content-sha256", "x-amz-date", "x-amz-security-token");

    private final Path root;
    private final int requestedPort;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final ObjectWriteListener listener;
    private final List<Pattern> corsOrigins;
    private S3Proxy proxy;
    private BlobStore store;

    private EmbeddedS3(Builder builder) {
        this.root = builder.root;
        this.requestedPort = builder.port;
        this.accessKeyId = Objects.requireNonNull(builder.accessKeyId, "credentials are required");
        this.secretAccessKey = builder.secretAccessKey;
        this.listener = builder.listener;
        this.corsOrigins = List.copyOf(builder.corsOrigins);
    }

    /** A builder; choose storage and credentials, the rest has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; does nothing when already started.
     *
     * @throws PortInUseException when the port is taken
     */
    public synchronized EmbeddedS3 start() {
        if (proxy != null) {
            return this;
        }
        BlobStore backend = new SerialWrites(root == null ? BlobStores.create("transient", new Properties())
                : filesystem(root));
        BlobStore served = listener == null ? backend : new NotifyingBlobStore(backend, listener);
        S3Proxy.Builder proxyBuilder = S3Proxy.builder()
                .blobStore(served)
                .endpoint(URI.create("http://" + HOST + ":" + requestedPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey);
        if (!corsOrigins.isEmpty()) {
            proxyBuilder.corsRules(new CrossOriginResourceSharing(corsOrigins.stream().map(Pattern::pattern).toList(),
                    List.of("GET", "HEAD", "PUT"), BROWSER_UPLOAD_HEADERS, List.of("ETag"), "false"));
        }
        S3Proxy candidate = proxyBuilder.build();
        try {
            candidate.start();
        } catch (Exception e) {
            stopQuietly(candidate);
            served.close();
            if (PortInUseException.isBindFailure(e)) {
                throw new PortInUseException("S3", requestedPort, e);
            }
            throw new IllegalStateException("the embedded S3 server did not start: " + e.getMessage(), e);
        }
        proxy = candidate;
        store = served;
        return this;
    }

    /** Stops listening and releases the storage; does nothing when not running. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        stopQuietly(proxy);
        store.close();
        proxy = null;
        store = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The port it listens on (the one chosen when the builder asked for any free port). */
    public synchronized int port() {
        requireRunning();
        return proxy.getPort();
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:9000}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port());
    }

    /** The access key id clients sign with. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret access key clients sign with. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    private void requireRunning() {
        if (proxy == null) {
            throw new IllegalStateException("the embedded S3 server is not running; call start() first");
        }
    }

    private static BlobStore filesystem(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 storage folder " + root, e);
        }
        InterruptedWrites.clear(root);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", root.toAbsolutePath().toString());
        return BlobStores.create("filesystem", properties);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // Stopping is best effort: a server that never bound has nothing to release.
            System.getLogger(EmbeddedS3.class.getName()).log(System.Logger.Level.DEBUG, "S3Proxy stop failed", e);
        }
    }

    /** Configures an {@link EmbeddedS3}. */
    public static final class Builder {

        private Path root;
        private boolean storageChosen;
        private int port;
        private String accessKeyId;
        private String secretAccessKey;
        private ObjectWriteListener listener;
        private List<Pattern> corsOrigins = List.of();

        private Builder() {
        }

        /** Keep buckets as folders under {@code root} (created if missing); they survive restarts. */
        public Builder filesystem(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            this.storageChosen = true;
            return this;
        }

        /** Keep objects in memory only; for tests. */
        public Builder transientStorage() {
            this.root = null;
            this.storageChosen = true;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The one key pair requests must be signed with. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("the access key id and the secret access key must not be blank");
            }
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        /** Told about every stored object, see {@link ObjectWriteListener}. */
        public Builder onObjectWritten(ObjectWriteListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Web pages at origins matching these patterns (e.g. {@code http://127\.0\.0\.1:8080}) may
         * GET, HEAD and PUT objects from a browser, signed in the URL or in headers; none by default.
         */
        public Builder corsOrigins(List<Pattern> origins) {
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /** The server, not yet started. */
        public EmbeddedS3 build() {
            if (!storageChosen) {
                throw new IllegalStateException("choose filesystem(root) or transientStorage()");
            }
            return new EmbeddedS3(this);
        }
    }
}
