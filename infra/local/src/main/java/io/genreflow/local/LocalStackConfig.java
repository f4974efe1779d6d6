package io.genreflow.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The local stack's own settings, {@code genreflow.*} in Quarkus config: application.properties,
 * system properties ({@code -Dgenreflow.s3.port=9100}) or environment variables
 * ({@code GENREFLOW_S3_PORT=9100}, {@code GENREFLOW_DATA_DIR=/srv/genreflow}).
 */
@ConfigMapping(prefix = "genreflow")
public interface LocalStackConfig {

    /** Whether to run S3 and SQS in-process or use servers that already exist. */
    enum Mode {
        /** S3Proxy and ElasticMQ in this JVM, the upload notifier, pollers and handlers. */
        EMBEDDED,
        /** LocalStack or AWS: only pollers and handlers; the bucket's own notification feeds the uploads queue. */
        EXTERNAL
    }

    /** {@code embedded} (the default) or {@code external}. */
    @WithDefault("embedded")
    Mode mode();

    /** Where objects, generated credentials, the notifier's ledger and endpoints.json live; relative to the working folder. */
    @WithDefault("data")
    Path dataDir();

    /** The bucket users upload to. */
    @WithDefault("genreflow")
    String bucket();

    /** The region clients sign for and queue ARNs name. */
    @WithDefault("us-east-1")
    String region();

    /** The S3 side. */
    Server s3();

    /** The SQS side. */
    Server sqs();

    /** Credentials of the embedded servers; generated once per data folder when not set. */
    Credentials credentials();

    /** Queue names and delivery rules. */
    Queues queues();

    /** How messages are fetched and handed to the handlers. */
    Pollers pollers();

    /** The upload notifier (embedded mode only). */
    Notifier notifier();


    /** One server's address. */
    interface Server {

        /** Embedded mode: the port to listen on, 0 for any free one (S3 defaults to 9000, SQS to 9324). */
        Optional<Integer> port();

        /** External mode: the endpoint to call instead of the SDK's default (AWS, or AWS_ENDPOINT_URL). */
        Optional<URI> endpoint();
    }

    /** An access key pair. */
    interface Credentials {

        /** The access key id. */
        Optional<String> accessKeyId();

        /** The secret access key. */
        Optional<String> secretAccessKey();
    }

    /** Queues. */
    interface Queues {

        /** Put before every queue name, e.g. {@code genreflow-}; empty by default. */
        Optional<String> prefix();

        /** Deliveries before SQS moves a message to its dead-letter queue. */
        @WithDefault("3")
        int maxReceiveCount();

        /** How long a received message stays hidden before it is delivered again; every queue but uploads. */
        @WithDefault("2M")
        Duration visibilityTimeout();

        /** The same for the uploads queue, whose handler decodes a whole track. */
        @WithDefault("10M")
        Duration uploadsVisibilityTimeout();
    }

    /** Pollers. */
    interface Pollers {

        /** Pollers per queue, each handling one batch at a time. */
        @WithDefault("2")
        int concurrency();

        /** Messages per receive, 1 to 10 (Lambda's default batch is 10). */
        @WithDefault("10")
        int batchSize();

        /**
         * Long-poll wait of a receive, at most 20 s. A waiting receive returns as soon as a
         * message arrives, so a longer wait only saves idle requests; but ElasticMQ's shutdown
         * waits for receives in flight (18 s to stop with 20 s), hence 5 s.
         */
        @WithDefault("5S")
        Duration waitTime();

        /**
         * Long-poll wait on dead-letter queues. Short, because ElasticMQ does not wake a receive
         * already waiting on a dead-letter queue when it moves a message there: a dead batch would
         * otherwise reach the aggregator up to {@link #waitTime()} late.
         */
        @WithDefault("1S")
        Duration deadLetterWaitTime();

        /** How long shutting down waits for handlers that are running. */
        @WithDefault("30S")
        Duration shutdownGrace();
    }

    /** The upload notifier. */
    interface Notifier {

        /** How often the bucket is listed for uploads the write hook did not report. */
        @WithDefault("30S")
        Duration scanInterval();
    }
}
