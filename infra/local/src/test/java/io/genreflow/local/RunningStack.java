package io.genreflow.local;

import static org.junit.jupiter.api.Assertions.fail;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.json.Json;
import io.genreflow.contracts.QueueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The end-to-end tests' view of the running stack, as a user has it: the endpoints and credentials
 * of {@code endpoints.json}, an S3 and an SQS client, and waits that poll until the pipeline has
 * done something, failing with the track's record when it does not.
 */
final class RunningStack implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    final Endpoints endpoints;
    final S3Client s3;
    final SqsClient sqs;

    private RunningStack(Endpoints endpoints) {
        this.endpoints = endpoints;
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(endpoints.accessKeyId(), endpoints.secretAccessKey()));
        this.s3 = AwsClients.s3(Optional.of(URI.create(endpoints.s3Endpoint())), endpoints.region(), credentials);
        this.sqs = AwsClients.sqs(Optional.of(URI.create(endpoints.sqsEndpoint())), endpoints.region(), credentials);
    }

    /** Connects as {@code dataDir}/endpoints.json says. */
    static RunningStack connect(Path dataDir) {
        try {
            return new RunningStack(Json.mapper().readValue(dataDir.resolve(Endpoints.FILE_NAME).toFile(),
                    Endpoints.class));
        } catch (IOException e) {
            throw new UncheckedIOException("endpoints.json is unreadable", e);
        }
    }

    String bucket() {
        return endpoints.bucket();
    }

    /** Puts {@code bytes} at uploads/{@code name} and describes the stored object as its S3 event does. */
    SourceObject upload(String name, byte[] bytes) {
        s3.putObject(p -> p.bucket(bucket()).key(S3Keys.upload(name)), RequestBody.fromBytes(bytes));
        return stored(name);
    }

    /** The upload as the notifier announces it (HEAD's ETag, size and store time). */
    SourceObject stored(String name) {
        HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket()).key(S3Keys.upload(name)));
        return new SourceObject(bucket(), S3Keys.upload(name), null, head.eTag(), head.contentLength(),
                HexFormat.of().withUpperCase().toHexDigits(head.lastModified().getEpochSecond()));
    }

    /** The S3 event notification announcing {@code upload}, as the uploads queue carries it. */
    String event(SourceObject upload) {
        return new String(ContractJson.write(S3EventNotification.objectCreated(upload, endpoints.region(),
                Instant.now())), StandardCharsets.UTF_8);
    }

    void send(String queue, String body) {
        sqs.sendMessage(m -> m.queueUrl(endpoints.queueUrls().get(queue)).messageBody(body));
    }

    /** Waits for verdicts/{@code name}.json of the upload and returns it. */
    Verdict awaitVerdict(SourceObject upload, Duration timeout) {
        String key = S3Keys.verdictForUpload(upload.key());
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Verdict> verdict = read(key, Verdict.class);
            if (verdict.isPresent() && verdict.get().trackId().equals(upload.trackId())) {
                return verdict.get();
            }
            pause();
        }
        return fail("no " + key + " after " + timeout + "; the track's record: " + describe(upload.trackId()));
    }

    /** Waits until the track is DONE or FAILED and returns its record. */
    TrackRecord awaitFinished(TrackId id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<TrackRecord> track = track(id);
            if (track.isPresent() && track.get().status().isTerminal()) {
                return track.get();
            }
            pause();
        }
        return fail("track " + id + " did not finish within " + timeout + "; its record: " + describe(id));
    }

    /** Waits until no message waits or is in flight on any work queue. */
    void awaitQueuesIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> queues = new QueueNames("").workQueues();
        while (Instant.now().isBefore(deadline)) {
            if (queues.stream().allMatch(queue -> messages(queue) == 0)) {
                return;
            }
            pause();
        }
        fail("the work queues did not drain within " + timeout + ": "
                + queues.stream().map(queue -> queue + "=" + messages(queue)).toList());
    }

    /** Messages waiting or in flight on {@code queue}. */
    int messages(String queue) {
        var attributes = sqs.getQueueAttributes(g -> g.queueUrl(endpoints.queueUrls().get(queue)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    Optional<TrackRecord> track(TrackId id) {
        return read(S3Keys.trackRecord(id), TrackRecord.class);
    }

    <T> Optional<T> read(String key, Class<T> type) {
        try {
            return Optional.of(ContractJson.read(s3.getObjectAsBytes(g -> g.bucket(bucket()).key(key)).asByteArray(),
                    type));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Keys under {@code prefix}, sorted. */
    List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private String describe(TrackId id) {
        return track(id).map(record -> new String(ContractJson.write(record), StandardCharsets.UTF_8))
                .orElse("(none)") + "; stored for the track: " + keysUnder(S3Keys.track(id)) + " " + keysUnder(S3Keys.work(id));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
    }
}
