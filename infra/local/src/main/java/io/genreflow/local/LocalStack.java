package io.genreflow.local;

import io.genreflow.contracts.QueueNames;
import io.genreflow.embedded.EmbeddedS3;
import io.genreflow.embedded.EmbeddedSqs;
import io.genreflow.embedded.PortInUseException;
import io.genreflow.local.notifier.UploadNotifier;
import io.genreflow.messaging.polling.PollerSettings;
import io.genreflow.messaging.polling.Pollers;
import io.genreflow.messaging.MessageHandler;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The running stack. At start: the embedded S3 and SQS servers, then the bucket and the queues with
 * their dead-letter queues, then the upload notifier, then the pollers feeding the
 * {@link PipelineHandlers}; last, once the HTTP server has bound, {@code endpoints.json} and the
 * banner. At shutdown the pollers stop first (letting running handlers finish), then the notifier,
 * then the servers. In external mode only the pollers and handlers run.
 */
@Singleton
public class LocalStack {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);
    /** Defaults chosen clear of Quarkus' 8080: MinIO's usual S3 port and ElasticMQ's own. */
    static final int DEFAULT_S3_PORT = 9000;
    static final int DEFAULT_SQS_PORT = 9324;
    /**
     * The pages the embedded S3 lets browsers upload from and play audio for: the dashboard's, on
     * any loopback port, since a free port (0) is only known once the HTTP server has bound, after
     * the S3 server started. Every request still needs a valid signature.
     */
    private static final List<Pattern> DASHBOARD_ORIGINS = List.of(Pattern.compile("http://127\\.0\\.0\\.1:[0-9]+"),
            Pattern.compile("http://localhost:[0-9]+"));

    private final LocalStackConfig config;
    private final PipelineHandlers pipelineHandlers;
    private final AtomicReference<UploadNotifier> notifier = new AtomicReference<>();
    private EmbeddedS3 s3Server;
    private EmbeddedSqs sqsServer;
    private S3Client s3;
    private SqsClient sqs;
    private S3Presigner presigner;
    private AwsCredentialsProvider credentialsProvider;
    private PipelineEnvironment environment;
    private Map<String, MessageHandler> handlers = Map.of();
    private Pollers pollers;
    private volatile Endpoints endpoints;
    private volatile boolean httpStarted;
    private boolean announced;
    private Path dataDir;

    LocalStack(LocalStackConfig config, PipelineHandlers pipelineHandlers) {
        this.config = config;
        this.pipelineHandlers = pipelineHandlers;
    }

    void onStart(@Observes StartupEvent event) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir
                    + "; set genreflow.data-dir (env GENREFLOW_DATA_DIR) to a writable folder", e);
        }
        QueueNames names = new QueueNames(config.queues().prefix().orElse(""));
        Map<String, String> queueUrls = config.mode() == LocalStackConfig.Mode.EMBEDDED
                ? startEmbedded(dataDir, names) : connectExternal(names);
        environment = new PipelineEnvironment(s3, sqs, config.bucket(), config.region(), names,
                queueUrls);
        handlers = Map.copyOf(pipelineHandlers.create(environment));
        PollerSettings work = new PollerSettings(config.pollers().concurrency(), config.pollers().batchSize(),
                config.pollers().waitTime(), config.queues().maxReceiveCount());
        PollerSettings deadLetters = new PollerSettings(config.pollers().concurrency(), config.pollers().batchSize(),
                config.pollers().deadLetterWaitTime(), config.queues().maxReceiveCount());
        pollers = Pollers.start(sqs, handlers, environment::queueUrl,
                queue -> queue.endsWith(QueueNames.DLQ_SUFFIX) ? deadLetters : work);
        this.dataDir = dataDir;
        announceOnceReachable();
        LOG.infof("%d pollers on %s", pollers.size(), handlers.keySet());
    }

    /** Quarkus binds its HTTP server after start-up; only then is the port known when any free one (0) was asked for. */
    void onHttpStarted(@ObservesAsync HttpServerStart event) {
        httpStarted = true;
        announceOnceReachable();
    }

    /** Writes {@code endpoints.json} and prints the banner once the stack is up and the dashboard's port bound. */
    private synchronized void announceOnceReachable() {
        if (announced || !httpStarted || endpoints == null) {
            return;
        }
        endpoints = endpoints.withDashboard(dashboardUrl());
        Path endpointsFile = endpoints.write(dataDir);
        System.out.println(endpoints.banner(endpointsFile));
        announced = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (pollers != null) {
            pollers.stop(config.pollers().shutdownGrace());
        }
        // One function may consume several queues; it is closed once.
        for (MessageHandler handler : new LinkedHashSet<>(handlers.values())) {
            if (handler instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        Optional.ofNullable(notifier.getAndSet(null)).ifPresent(UploadNotifier::close);
        Optional.ofNullable(presigner).ifPresent(S3Presigner::close);
        Optional.ofNullable(s3).ifPresent(S3Client::close);
        Optional.ofNullable(sqs).ifPresent(SqsClient::close);
        Optional.ofNullable(s3Server).ifPresent(EmbeddedS3::stop);
        Optional.ofNullable(sqsServer).ifPresent(EmbeddedSqs::stop);
        LOG.info("genreflow stopped");
    }

    /** Where the stack can be reached; available once started. */
    public Endpoints endpoints() {
        return started(endpoints);
    }

    /** The clients, bucket and queues the handlers use; available once started. */
    public PipelineEnvironment environment() {
        return started(environment);
    }

    /** Signs URLs for browsers, against the same S3 as {@link #environment()}; available once started. */
    public S3Presigner presigner() {
        return started(presigner);
    }

    /** The credentials the stack's clients sign with; available once started. */
    public AwsCredentialsProvider credentials() {
        return started(credentialsProvider);
    }

    private Map<String, String> startEmbedded(Path dataDir, QueueNames names) {
        LocalCredentials credentials = configuredCredentials().orElseGet(() -> LocalCredentials.loadOrCreate(dataDir));
        String region = config.region();
        int s3Port = config.s3().port().orElse(DEFAULT_S3_PORT);
        int sqsPort = config.sqs().port().orElse(DEFAULT_SQS_PORT);
        try {
            s3Server = EmbeddedS3.builder()
                    .filesystem(dataDir.resolve("s3"))
                    .port(s3Port)
                    .credentials(credentials.accessKeyId(), credentials.secretAccessKey())
                    .corsOrigins(DASHBOARD_ORIGINS)
                    .onObjectWritten((bucket, key) -> {
                        UploadNotifier current = notifier.get();
                        if (current != null) {
                            current.objectWritten(bucket, key);
                        }
                    })
                    .build().start();
        } catch (PortInUseException e) {
            throw new IllegalStateException(e.getMessage() + " Set genreflow.s3.port (env GENREFLOW_S3_PORT).", e);
        }
        try {
            sqsServer = EmbeddedSqs.create(sqsPort, region).start();
        } catch (PortInUseException e) {
            s3Server.stop();
            throw new IllegalStateException(e.getMessage() + " Set genreflow.sqs.port (env GENREFLOW_SQS_PORT).", e);
        }
        StaticCredentialsProvider signer = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
        s3 = AwsClients.s3(Optional.of(s3Server.endpoint()), region, signer);
        sqs = AwsClients.sqs(Optional.of(sqsServer.endpoint()), region, signer);
        presigner = AwsClients.presigner(Optional.of(s3Server.endpoint()), region, signer);
        credentialsProvider = signer;
        createBucket();
        Map<String, String> queueUrls = QueueSetup.create(sqs, names, config.queues().maxReceiveCount(),
                config.queues().visibilityTimeout(), config.queues().uploadsVisibilityTimeout());
        notifier.set(UploadNotifier.start(s3, sqs, config.bucket(), region, queueUrls.get(names.uploads()),
                dataDir.resolve("notifier").resolve("announced.tsv"), config.notifier().scanInterval()));
        String s3Endpoint = s3Server.endpoint().toString();
        endpoints = new Endpoints("embedded", dashboardUrl(), s3Endpoint, sqsServer.endpoint().toString(),
                config.bucket(), region, credentials.accessKeyId(), credentials.secretAccessKey(), queueUrls,
                Endpoints.uploadExample(s3Endpoint, config.bucket(), region, credentials.accessKeyId(),
                        credentials.secretAccessKey()));
        return queueUrls;
    }

    private Map<String, String> connectExternal(QueueNames names) {
        AwsCredentialsProvider signer = configuredCredentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        s3 = AwsClients.s3(config.s3().endpoint(), config.region(), signer);
        sqs = AwsClients.sqs(config.sqs().endpoint(), config.region(), signer);
        presigner = AwsClients.presigner(config.s3().endpoint(), config.region(), signer);
        credentialsProvider = signer;
        Map<String, String> queueUrls;
        try {
            queueUrls = QueueSetup.find(sqs, names);
        } catch (QueueDoesNotExistException e) {
            throw new IllegalStateException("a genreflow queue is missing at " + config.sqs().endpoint().map(URI::toString)
                    .orElse("AWS") + " (" + e.getMessage() + "): deploy the stack first, or set genreflow.queues.prefix"
                    + " to the prefix it was deployed with", e);
        }
        String s3Endpoint = config.s3().endpoint().map(URI::toString).orElse(null);
        endpoints = new Endpoints("external", dashboardUrl(), s3Endpoint,
                config.sqs().endpoint().map(URI::toString).orElse(null), config.bucket(), config.region(), null, null,
                queueUrls, Endpoints.uploadExample(s3Endpoint, config.bucket(), config.region(), null, null));
        return queueUrls;
    }

    private Optional<LocalCredentials> configuredCredentials() {
        LocalStackConfig.Credentials configured = config.credentials();
        if (configured.accessKeyId().isPresent() != configured.secretAccessKey().isPresent()) {
            throw new IllegalStateException("set both genreflow.credentials.access-key-id and"
                    + " genreflow.credentials.secret-access-key, or neither");
        }
        return configured.accessKeyId().map(id -> new LocalCredentials(id, configured.secretAccessKey().orElseThrow()));
    }

    private void createBucket() {
        try {
            s3.headBucket(h -> h.bucket(config.bucket()));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(c -> c.bucket(config.bucket()));
            } catch (BucketAlreadyOwnedByYouException raced) {
                LOG.debugf("bucket %s appeared meanwhile", config.bucket());
            }
        }
    }

    /** The dashboard's URL; once the HTTP server is bound, Quarkus' configuration names the port it bound. */
    private static String dashboardUrl() {
        String property = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(property, Integer.class).orElse(8080);
        String host = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        return "http://" + host + ":" + port + "/";
    }

    private static <T> T started(T part) {
        if (part == null) {
            throw new IllegalStateException("the stack has not started");
        }
        return part;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("closing %s failed: %s", closeable, e.getMessage());
        }
    }
}
