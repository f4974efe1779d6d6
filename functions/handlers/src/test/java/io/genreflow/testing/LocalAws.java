package io.genreflow.testing;

import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A real S3 (S3Proxy, in-memory) and SQS (ElasticMQ) on free 127.0.0.1 ports in the test JVM, with
 * clients for both. Tests deliver queue messages to handlers themselves, as the pollers would.
 */
public final class LocalAws implements AutoCloseable {

    private static final String ACCESS_KEY = "test";
    private static final String SECRET_KEY = "test-secret";
    private static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    /**
     * Drops the "Expect: 100-continue" the SDK adds to uploads: the JDK's HttpURLConnection (the
     * url-connection-client) and S3Proxy's Jetty intermittently lose the connection over it
     * ("Error writing request body to server", "Unexpected end of file from server"), measured here.
     */
    private static final ExecutionInterceptor NO_EXPECT_CONTINUE = new ExecutionInterceptor() {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    };

    private final S3Proxy s3Proxy;
    private final SQSRestServer sqsServer;
    private final URI s3Endpoint;
    private final S3Client s3;
    private final SqsClient sqs;

    private LocalAws(S3Proxy s3Proxy, SQSRestServer sqsServer, URI s3Endpoint, SqsClient sqs) {
        this.s3Proxy = s3Proxy;
        this.s3Endpoint = s3Endpoint;
        this.sqsServer = sqsServer;
        this.s3 = s3Client(config -> { });
        this.sqs = sqs;
    }

    /** Starts both servers. */
    public static LocalAws start() throws Exception {
        int s3Port = freePort();
        S3Proxy s3Proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:" + s3Port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3Proxy.start();
        while (!"STARTED".equals(s3Proxy.getState())) {
            Thread.sleep(10);
        }
        int sqsPort = freePort();
        SQSRestServer sqsServer = SQSRestServerBuilder.withPort(sqsPort).withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, ""))
                .withAWSRegion(REGION.id())
                .start();
        sqsServer.waitUntilStarted();
        SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + sqsPort))
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new LocalAws(s3Proxy, sqsServer, URI.create("http://127.0.0.1:" + s3Port), sqs);
    }

    public S3Client s3() {
        return s3;
    }

    /** Another client of the S3 server, configured further, e.g. with an interceptor that injects a failure. */
    public S3Client s3Client(Consumer<ClientOverrideConfiguration.Builder> configuration) {
        return S3Client.builder()
                .endpointOverride(s3Endpoint)
                .forcePathStyle(true)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> configuration.accept(config.addExecutionInterceptor(NO_EXPECT_CONTINUE)))
                .build();
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Creates a bucket named {@code bucket}. */
    public void createBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** Creates every work queue of {@code names} and its dead-letter queue. */
    public void createQueues(QueueNames names) {
        for (String queue : names.workQueues()) {
            sqs.createQueue(b -> b.queueName(queue));
            sqs.createQueue(b -> b.queueName(QueueNames.deadLetter(queue)));
        }
    }

    /** Sends {@code body} to {@code queue}. */
    public void send(String queue, String body) {
        sqs.sendMessage(b -> b.queueUrl(url(queue)).messageBody(body));
    }

    /**
     * Takes every message now on {@code queue} off it (received and deleted), as handlers see them.
     * Messages stay invisible to others while this runs, so each is returned once.
     */
    public List<QueueMessage> drain(String queue) {
        String url = url(queue);
        List<QueueMessage> drained = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            if (batch.isEmpty()) {
                return drained;
            }
            for (Message message : batch) {
                int receives = Integer.parseInt(message.attributes()
                        .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                drained.add(new QueueMessage(queue, message.messageId(), message.body(), receives));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    @Override
    public void close() throws Exception {
        s3.close();
        sqs.close();
        sqsServer.stopAndWait();
        s3Proxy.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
