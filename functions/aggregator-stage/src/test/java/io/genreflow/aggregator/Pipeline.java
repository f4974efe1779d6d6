package io.genreflow.aggregator;

import io.genreflow.fixtures.FixtureModels;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.contracts.QueueNames;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.split.SplitLimits;
import io.genreflow.splitter.SplitterRoot;
import io.genreflow.splitter.SplitterSettings;
import io.genreflow.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The three stages over a real embedded S3 and SQS, with the test acting as the deliverer: it
 * takes messages off the queues and hands them to the handlers, so each test decides the order,
 * the duplicates and the failures.
 */
final class Pipeline implements AutoCloseable {

    static final String BUCKET = "genreflow-test";
    static final QueueNames QUEUES = new QueueNames("test-");
    /** The four small real-shaped models of the core's tests. */
    static final Path MANIFEST = FixtureModels.pipelineManifest();
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final int MODEL_BATCH = 32;

    final LocalAws aws;
    final QueueRouter splitter;
    final Map<Representation, QueueRouter> classifiers = new EnumMap<>(Representation.class);
    final QueueRouter aggregator;

    Pipeline(SplitLimits limits, int snippetsPerBatch) throws Exception {
        aws = LocalAws.startWith(BUCKET, QUEUES);
        splitter = SplitterRoot.wire(aws.s3(), aws.sqs(),
                new SplitterSettings(BUCKET, QUEUES, MANIFEST, limits, snippetsPerBatch), CLOCK);
        for (Representation representation : Representation.values()) {
            classifiers.put(representation, ClassifierRoot.wire(aws.s3(), aws.sqs(), classifierSettings(representation)));
        }
        aggregator = AggregatorRoot.wire(aws.s3(), new AggregatorSettings(BUCKET, QUEUES, MANIFEST, 3), CLOCK);
    }

    static ClassifierSettings classifierSettings(Representation representation) {
        return new ClassifierSettings(BUCKET, QUEUES, MANIFEST, representation, MODEL_BATCH,
                OnnxSnippetClassifier.Options.defaults());
    }

    /** Puts a file under uploads/ and describes the stored version as its S3 event would. */
    SourceObject upload(String name, byte[] bytes) {
        String key = S3Keys.upload(name);
        String eTag = aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)).eTag();
        return new SourceObject(BUCKET, key, null, eTag, bytes.length, null);
    }

    /** The S3 event notification announcing {@code uploads}, as the uploads queue carries it. */
    static String event(SourceObject... uploads) {
        List<S3EventNotification.EventRecord> records = new ArrayList<>();
        for (SourceObject upload : uploads) {
            records.addAll(S3EventNotification.objectCreated(upload, "us-east-1", NOW).records());
        }
        return new String(ContractJson.write(new S3EventNotification(records, null, null, null, null, null, null)),
                StandardCharsets.UTF_8);
    }

    /** A first delivery of {@code body} from {@code queue}. */
    static QueueMessage message(String queue, String body) {
        return new QueueMessage(queue, UUID.randomUUID().toString(), body, 1);
    }

    void announce(SourceObject... uploads) {
        aws.send(QUEUES.uploads(), event(uploads));
    }

    /** Delivers every waiting upload event to the splitter. */
    void split() throws Exception {
        for (QueueMessage message : drain(QUEUES.uploads())) {
            splitter.handle(message);
        }
    }

    /** Takes the waiting snippet batches of {@code representation} off their queue, undelivered. */
    List<QueueMessage> batches(Representation representation) {
        return drain(QUEUES.snippets(representation));
    }

    /** Takes every waiting message off {@code queue}, undelivered. */
    List<QueueMessage> drain(String queue) {
        return aws.drain(queue).stream()
                .map(m -> new QueueMessage(m.queue(), m.messageId(), m.body(), m.receiveCount())).toList();
    }

    /** Delivers every waiting snippet batch to its classifier. */
    void classify() throws Exception {
        for (Representation representation : Representation.values()) {
            for (QueueMessage message : batches(representation)) {
                classifiers.get(representation).handle(message);
            }
        }
    }

    /** Takes the waiting partial results off the results queue, undelivered. */
    List<QueueMessage> results() {
        return drain(QUEUES.results());
    }

    /** Delivers every waiting partial result to the aggregator. */
    void aggregate() throws Exception {
        for (QueueMessage message : results()) {
            aggregator.handle(message);
        }
    }

    /** Announces {@code uploads} and runs every stage in turn. */
    void process(SourceObject... uploads) throws Exception {
        announce(uploads);
        split();
        classify();
        aggregate();
    }

    TrackRecord record(TrackId id) {
        return read(S3Keys.trackRecord(id), TrackRecord.class).orElseThrow();
    }

    Optional<Verdict> verdict(TrackId id) {
        return read(S3Keys.verdict(id), Verdict.class);
    }

    <T> Optional<T> read(String key, Class<T> type) {
        try {
            return Optional.of(ContractJson.read(aws.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray(),
                    type));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Keys stored for a track, its documents under {@code tracks/<id>/} and working data under {@code work/<id>/}, sorted. */
    List<String> trackKeys(TrackId id) {
        return Stream.of(S3Keys.track(id), S3Keys.work(id))
                .flatMap(prefix -> aws.s3().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream())
                .map(o -> o.key()).sorted().toList();
    }

    @Override
    public void close() throws Exception {
        for (QueueRouter classifier : classifiers.values()) {
            classifier.close();
        }
        aws.close();
    }
}
