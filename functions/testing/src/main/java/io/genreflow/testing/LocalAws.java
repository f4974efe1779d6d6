package io.genreflow.testing;

import io.genreflow.contracts.QueueNames;
import io.genreflow.embedded.EmbeddedS3;
import io.genreflow.embedded.EmbeddedSqs;
import io.genreflow.embedded.WithoutExpectContinue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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

    /** The access key both servers accept. */
    public static final String ACCESS_KEY = "test-key";
    /** The secret key both servers accept. */
    public static final String SECRET_KEY = "test-secret";
    /** The region clients sign for. */
    public static final Region REGION = Region.US_EAST_1;

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    private final EmbeddedS3 s3Server;
    private final EmbeddedSqs sqsServer;
    private final S3Client s3;
    private final SqsClient sqs;

    /**
     * One message taken off a queue, as SQS handed it out.
     *
     * @param queue        the queue's name
     * @param messageId    SQS's id of the message
     * @param body         the body
     * @param receiveCount deliveries so far, this one included
     */
    public record Received(String queue, String messageId, String body, int receiveCount) {
    }

    private LocalAws(EmbeddedS3 s3Server, EmbeddedSqs sqsServer) {
        this.s3Server = s3Server;
        this.sqsServer = sqsServer;
        this.s3 = s3Client(config -> { });
        this.sqs = SqsClient.builder()
                .endpointOverride(sqsServer.endpoint())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Starts both servers. */
    public static LocalAws start() {
        EmbeddedS3 s3Server = EmbeddedS3.builder().transientStorage().credentials(ACCESS_KEY, SECRET_KEY).build()
                .start();
        return new LocalAws(s3Server, EmbeddedSqs.create(0, REGION.id()).start());
    }

    /** Starts both servers with {@code bucket} and every queue of {@code names} made, as a deployment makes them. */
    public static LocalAws startWith(String bucket, QueueNames names) {
        LocalAws aws = start();
        aws.createBucket(bucket);
        aws.createQueues(names);
        return aws;
    }

    /** Where the S3 server listens. */
    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    /** Where the SQS server listens. */
    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    public S3Client s3() {
        return s3;
    }

    /** Another client of the S3 server, configured further, e.g. with an interceptor that injects a failure. */
    public S3Client s3Client(Consumer<ClientOverrideConfiguration.Builder> configuration) {
        return S3Client.builder()
                .endpointOverride(s3Server.endpoint())
                .forcePathStyle(true)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> configuration.accept(config.addExecutionInterceptor(new WithoutExpectContinue())))
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
    public List<Received> drain(String queue) {
        String url = url(queue);
        List<Received> drained = new ArrayList<>();
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
                drained.add(new Received(queue, message.messageId(), message.body(), receives));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        sqsServer.stop();
        s3Server.stop();
    }
}
