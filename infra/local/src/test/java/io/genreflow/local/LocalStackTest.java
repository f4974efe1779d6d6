package io.genreflow.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genreflow.contracts.QueueNames;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.SourceObject;
import io.genreflow.json.Json;
import io.genreflow.messaging.QueueMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@QuarkusTest
@TestProfile(RecordingPipelineHandlers.Profile.class)
@WithTestResource(TemporaryDataDir.class)
class LocalStackTest {

    @Inject
    RecordingPipelineHandlers handlers;

    @ConfigProperty(name = "genreflow.data-dir")
    Path dataDir;

    @Test
    void writesEndpointsThatWork() throws IOException {
        Endpoints endpoints = endpoints();
        Path file = dataDir.resolve(Endpoints.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(URI.create("http://127.0.0.1:" + RestAssured.port + "/"), URI.create(endpoints.dashboard()),
                "the dashboard's URL names the port the HTTP server bound, not the 0 it was asked for");

        try (S3Client s3 = s3(endpoints); SqsClient sqs = sqs(endpoints)) {
            s3.headBucket(h -> h.bucket(endpoints.bucket()));
            for (String queue : new QueueNames("").workQueues()) {
                assertEquals(endpoints.queueUrls().get(queue), sqs.getQueueUrl(g -> g.queueName(queue)).queueUrl());
                assertEquals(endpoints.queueUrls().get(QueueNames.deadLetter(queue)),
                        sqs.getQueueUrl(g -> g.queueName(QueueNames.deadLetter(queue))).queueUrl());
            }
        }
        assertTrue(endpoints.uploadExample().contains("aws --endpoint-url " + endpoints.s3Endpoint()
                + " s3 cp song.mp3 s3://" + endpoints.bucket() + "/uploads/"), endpoints.uploadExample());
        assertTrue(endpoints.uploadExample().contains("AWS_SECRET_ACCESS_KEY=" + endpoints.secretAccessKey()));
        LocalCredentials stored = Json.mapper().readValue(dataDir.resolve(LocalCredentials.FILE_NAME).toFile(),
                LocalCredentials.class);
        assertEquals(stored.accessKeyId(), endpoints.accessKeyId());
    }

    @Test
    void anUploadReachesTheUploadsHandlerAsOneS3Event() throws Exception {
        Endpoints endpoints = endpoints();
        try (S3Client s3 = s3(endpoints)) {
            s3.putObject(p -> p.bucket(endpoints.bucket()).key("uploads/quarkus test.wav"),
                    RequestBody.fromString("not really audio"));
        }

        QueueMessage delivered = handlers.nextUpload(10);
        assertNotNull(delivered, "the uploads handler got no event");
        assertEquals("uploads", delivered.queue());
        assertEquals(1, delivered.receiveCount());
        SourceObject object = S3EventNotification.parse(delivered.body()).createdObjects().getFirst();
        assertEquals("uploads/quarkus test.wav", object.key());
        assertEquals(endpoints.bucket(), object.bucket());
        assertNull(handlers.nextUpload(2), "a second event for the same upload");
    }

    @Test
    void aFailingMessageIsDeliveredAgainThenDeadLettered() throws Exception {
        Endpoints endpoints = endpoints();
        try (SqsClient sqs = sqs(endpoints)) {
            sqs.sendMessage(m -> m.queueUrl(endpoints.queueUrls().get("results")).messageBody("poison"));

            QueueMessage first = handlers.nextFailure(10);
            QueueMessage second = handlers.nextFailure(10);
            assertNotNull(first);
            assertNotNull(second, "the failed message was not delivered again");
            assertEquals(List.of(1, 2), List.of(first.receiveCount(), second.receiveCount()));
            assertEquals(first.messageId(), second.messageId());

            assertEquals(List.of("poison"), receiveDeadLetters(sqs, endpoints.queueUrls().get("results-dlq")));
            assertNull(handlers.nextFailure(2), "delivered after reaching the dead-letter queue");
        }
    }

    @Test
    void servesTheDashboardAndHealth() {
        Endpoints endpoints = endpoints();
        given().get("/").then().statusCode(200)
                .body(containsString("<h1>Tracks</h1>"));
        given().get("/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("bucket", equalTo(endpoints.bucket()));
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        Endpoints endpoints = endpoints();
        URI s3 = URI.create(endpoints.s3Endpoint());
        URI sqs = URI.create(endpoints.sqsEndpoint());
        URI dashboard = URI.create(endpoints.dashboard());
        for (URI endpoint : List.of(s3, sqs, dashboard)) {
            assertEquals("127.0.0.1", endpoint.getHost());
        }
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        for (URI endpoint : List.of(s3, sqs, dashboard)) {
            assertThrows(ConnectException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), endpoint.getPort()), 2000);
                }
            }, endpoint + " answers on " + external.get());
        }
    }

    /**
     * Short polls in a loop: ElasticMQ does not wake a long poll of a dead-letter queue when it moves a
     * message there, only when one is sent.
     */
    private static List<String> receiveDeadLetters(SqsClient sqs, String queueUrl) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            if (!messages.isEmpty()) {
                return messages.stream().map(Message::body).toList();
            }
        }
        return List.of();
    }

    /** The stack's endpoints.json, which it writes once the HTTP server has bound, just after start-up. */
    private Endpoints endpoints() {
        Path file = dataDir.resolve(Endpoints.FILE_NAME);
        try {
            for (int attempt = 0; attempt < 100 && !Files.exists(file); attempt++) {
                Thread.sleep(100);
            }
            return Json.mapper().readValue(file.toFile(), Endpoints.class);
        } catch (IOException e) {
            throw new AssertionError("endpoints.json is unreadable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for endpoints.json", e);
        }
    }

    private static S3Client s3(Endpoints endpoints) {
        return AwsClients.s3(Optional.of(URI.create(endpoints.s3Endpoint())), endpoints.region(), credentials(endpoints));
    }

    private static SqsClient sqs(Endpoints endpoints) {
        return AwsClients.sqs(Optional.of(URI.create(endpoints.sqsEndpoint())), endpoints.region(), credentials(endpoints));
    }

    private static StaticCredentialsProvider credentials(Endpoints endpoints) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoints.accessKeyId(),
                endpoints.secretAccessKey()));
    }
}
