package io.genreflow.local.notifier;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.embedded.EmbeddedS3;
import io.genreflow.embedded.EmbeddedSqs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The notifier against a real embedded S3 (files in a temporary folder) and SQS. */
class UploadNotifierTest {

    private static final String BUCKET = "music";
    private static final String REGION = "us-east-1";
    private static final Duration NO_SCAN = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    /** What the S3 server's write hook forwards to; empty while "the notifier is down". */
    private final AtomicReference<UploadNotifier> attached = new AtomicReference<>();
    private EmbeddedS3 s3Server;
    private EmbeddedSqs sqsServer;
    private S3Client s3;
    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void startServers() {
        s3Server = EmbeddedS3.builder().filesystem(dataDir.resolve("s3")).credentials("key", "secret")
                .onObjectWritten((bucket, key) -> {
                    UploadNotifier notifier = attached.get();
                    if (notifier != null) {
                        notifier.objectWritten(bucket, key);
                    }
                }).build().start();
        sqsServer = EmbeddedSqs.create(0, REGION).start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
        s3 = S3Client.builder().endpointOverride(s3Server.endpoint()).forcePathStyle(true).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs = SqsClient.builder().endpointOverride(sqsServer.endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        queueUrl = sqs.createQueue(c -> c.queueName("uploads")).queueUrl();
    }

    @AfterEach
    void stopServers() {
        stopNotifier();
        s3.close();
        sqs.close();
        s3Server.stop();
        sqsServer.stop();
    }

    @Test
    void announcesEachNewUploadOnceWithItsStoredVersion() {
        startNotifier(NO_SCAN);
        put("uploads/jazz/take five.mp3", "audio");

        S3EventNotification event = S3EventNotification.parse(receiveOne().body());
        SourceObject announced = event.createdObjects().getFirst();
        assertEquals("uploads/jazz/take five.mp3", announced.key());
        assertEquals(BUCKET, announced.bucket());
        assertEquals(5, announced.sizeBytes());
        String storedETag = s3.headObject(h -> h.bucket(BUCKET).key("uploads/jazz/take five.mp3")).eTag();
        assertEquals(storedETag.replace("\"", ""), announced.eTag());
        assertEquals(List.of(), receiveAll());
    }

    @Test
    void ignoresFolderMarkersAndObjectsOutsideUploads() {
        startNotifier(NO_SCAN);
        put("uploads/folder/", "");
        put("tracks/0123456789abcdef0123/track.json", "{}");
        put("verdicts/song.mp3.json", "{}");
        put("uploads/real.wav", "audio");

        assertEquals("uploads/real.wav", keyOf(receiveOne()));
        assertEquals(List.of(), receiveAll());
    }

    @Test
    void announcesAMultipartUploadOnceWhenItCompletes() {
        startNotifier(NO_SCAN);
        byte[] part = new byte[5 * 1024 * 1024];
        Arrays.fill(part, (byte) 7);
        String key = "uploads/long.flac";
        String uploadId = s3.createMultipartUpload(c -> c.bucket(BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            int partNumber = number;
            String eTag = s3.uploadPart(u -> u.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(partNumber),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }
        s3.completeMultipartUpload(c -> c.bucket(BUCKET).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));

        SourceObject announced = S3EventNotification.parse(receiveOne().body()).createdObjects().getFirst();
        assertEquals(2L * part.length, announced.sizeBytes());
        String listedETag = s3.listObjectsV2(l -> l.bucket(BUCKET).prefix(key)).contents().getFirst().eTag();
        assertEquals(listedETag.replace("\"", ""), announced.eTag(), "the event and a later scan name the same version");
        assertEquals(List.of(), receiveAll());
    }

    @Test
    void aRestartReannouncesUnfinishedTracksButNeverFinishedOnes() {
        startNotifier(NO_SCAN);
        put("uploads/finished.wav", "one");
        put("uploads/in-flight.wav", "two");
        List<Message> first = List.of(receiveOne(), receiveOne());
        SourceObject finished = first.stream().map(UploadNotifierTest::source)
                .filter(s -> s.key().equals("uploads/finished.wav")).findFirst().orElseThrow();
        Instant now = Instant.now();
        TrackRecord failed = TrackRecord.splitting(finished, "test-models", now)
                .withFailed(PipelineStage.SPLITTER, "not audio", now);
        s3.putObject(p -> p.bucket(BUCKET).key(S3Keys.trackRecord(finished.trackId())),
                RequestBody.fromBytes(ContractJson.write(failed)));
        stopNotifier();
        purgeQueue();

        startNotifier(NO_SCAN);

        SourceObject again = source(receiveOne());
        assertEquals("uploads/in-flight.wav", again.key());
        assertEquals(first.stream().map(UploadNotifierTest::source).filter(s -> s.key().equals(again.key()))
                .findFirst().orElseThrow(), again, "the same version, so the same track id");
        assertEquals(List.of(), receiveAll());
    }

    @Test
    void announcesAtStartAnUploadWhoseEventWasLost() {
        put("uploads/missed.ogg", "stored while nobody listened");

        startNotifier(NO_SCAN);

        assertEquals("uploads/missed.ogg", keyOf(receiveOne()));
        assertEquals(List.of(), receiveAll());
    }

    @Test
    void theBucketScanAnnouncesWhatTheWriteHookMissed() {
        startNotifier(Duration.ofMillis(200));
        UploadNotifier running = attached.getAndSet(null);
        put("uploads/unseen.wav", "written past the hook");

        assertEquals("uploads/unseen.wav", keyOf(receiveOne()));
        assertEquals(List.of(), receiveAll());
        attached.set(running);
    }

    private void startNotifier(Duration scanInterval) {
        attached.set(UploadNotifier.start(s3, sqs, BUCKET, REGION, queueUrl, dataDir.resolve("notifier/announced.tsv"),
                scanInterval));
    }

    private void stopNotifier() {
        UploadNotifier notifier = attached.getAndSet(null);
        if (notifier != null) {
            notifier.close();
        }
    }

    private void put(String key, String content) {
        s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    /** Waits (long poll) for the next event and deletes it. */
    private Message receiveOne() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)).messages();
        assertEquals(1, messages.size(), "one event expected");
        sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(messages.getFirst().receiptHandle()));
        return messages.getFirst();
    }

    /** Every event still queued, waiting a second for stragglers. */
    private List<String> receiveAll() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                .stream().map(UploadNotifierTest::keyOf).toList();
    }

    private void purgeQueue() {
        sqs.deleteQueue(d -> d.queueUrl(queueUrl));
        queueUrl = sqs.createQueue(c -> c.queueName("uploads")).queueUrl();
    }

    private static SourceObject source(Message message) {
        List<SourceObject> created = S3EventNotification.parse(message.body()).createdObjects();
        assertEquals(1, created.size());
        return created.getFirst();
    }

    private static String keyOf(Message message) {
        return source(message).key();
    }
}
