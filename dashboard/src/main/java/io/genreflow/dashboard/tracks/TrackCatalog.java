package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.storage.TrackStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The tracks in the bucket, read from their records and verdicts (the source of truth). Records
 * are re-read with ETag-conditional GETs, so an unchanged record costs a 304; verdicts and tags
 * are read once per record version. The caches only save work: any instance, cold or warm, gives
 * the same answer. Thread-safe.
 */
public final class TrackCatalog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrackCatalog.class.getName());
    private static final int NOT_MODIFIED = 304;

    private final S3Client s3;
    private final String bucket;
    private final TrackStore store;
    private final TrackProgress progress;
    private final TagStore tags;
    private final double uncertainBelow;
    private final Map<String, Cached> records = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    /** A catalog of the tracks in {@code bucket}; verdicts below {@code uncertainBelow} are marked uncertain. */
    public TrackCatalog(S3Client s3, String bucket, double uncertainBelow) {
        this.s3 = s3;
        this.bucket = bucket;
        this.store = new TrackStore(s3, bucket);
        this.progress = new TrackProgress(store);
        this.tags = new TagStore(s3, bucket);
        this.uncertainBelow = uncertainBelow;
    }

    /** A record version with what the dashboard derived from it. */
    private record Cached(String eTag, TrackRecord record, Verdict verdict, TrackSummary summary) {
    }

    /** Every track, newest upload first. */
    public List<TrackSummary> all() {
        List<Future<Optional<Cached>>> reads = new ArrayList<>();
        for (TrackId id : trackIds()) {
            reads.add(readers.submit(() -> current(id)));
        }
        List<TrackSummary> tracks = new ArrayList<>(reads.size());
        for (Future<Optional<Cached>> read : reads) {
            join(read).ifPresent(cached -> tracks.add(cached.summary()));
        }
        tracks.sort(TrackQuery.Sort.UPLOADED.descending());
        return tracks;
    }

    /** One track, if it exists. */
    public Optional<TrackDetail> find(TrackId id) {
        return current(id).map(cached -> new TrackDetail(cached.summary(), cached.record(), cached.verdict(),
                cached.record().failure() == null ? null : FailureAdvice.of(cached.record().failure())));
    }

    /** Forgets what was cached about {@code id}, after the dashboard changed it. */
    public void forget(TrackId id) {
        records.remove(id.value());
    }

    @Override
    public void close() {
        readers.close();
    }

    private List<TrackId> trackIds() {
        List<TrackId> ids = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(S3Keys.TRACKS_PREFIX).delimiter("/"))
                .commonPrefixes().stream()
                .map(CommonPrefix::prefix)
                .map(prefix -> prefix.substring(S3Keys.TRACKS_PREFIX.length(), prefix.length() - 1))
                .forEach(value -> {
                    try {
                        ids.add(TrackId.parse(value));
                    } catch (IllegalArgumentException e) {
                        LOG.log(System.Logger.Level.DEBUG, "not a track folder: tracks/{0}/", value);
                    }
                });
        return ids;
    }

    /** The record as stored now, re-derived only when its ETag changed. */
    private Optional<Cached> current(TrackId id) {
        Cached known = records.get(id.value());
        String key = S3Keys.trackRecord(id);
        ResponseBytes<GetObjectResponse> bytes;
        try {
            bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).ifNoneMatch(known == null ? null : known.eTag()));
        } catch (NoSuchKeyException e) {
            records.remove(id.value());
            return Optional.empty();
        } catch (S3Exception e) {
            if (known == null || e.statusCode() != NOT_MODIFIED) {
                throw e;
            }
            // An unchanged CLASSIFYING record still gains partial results.
            return Optional.of(known.record().status() == TrackStatus.CLASSIFYING
                    ? derive(known.eTag(), known.record(), known.verdict()) : known);
        }
        try {
            TrackRecord record = ContractJson.read(bytes.asByteArray(), TrackRecord.class);
            Verdict verdict = record.status() == TrackStatus.DONE ? readVerdict(id) : null;
            Cached fresh = derive(bytes.response().eTag(), record, verdict);
            records.put(id.value(), fresh);
            return Optional.of(fresh);
        } catch (MalformedContractException e) {
            LOG.log(System.Logger.Level.WARNING, "skipping track {0}: {1}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private Verdict readVerdict(TrackId id) {
        return store.find(S3Keys.verdict(id), Verdict.class).map(stored -> stored.value()).orElse(null);
    }

    private Cached derive(String eTag, TrackRecord record, Verdict verdict) {
        TrackProgress.Progress counts = progress.of(record);
        TrackTags tagged = tags.of(record);
        boolean done = verdict != null;
        TrackSummary summary = new TrackSummary(record.trackId().value(), record.name(), tagged.title(),
                tagged.artist(), record.status(), counts.partialsIn(), counts.partialsExpected(),
                done ? verdict.genre() : null, done ? verdict.confidence() : null,
                done && Uncertainty.of(verdict.topK(), uncertainBelow), done && verdict.degraded(),
                record.energy() == null ? null : record.energy().level().name(),
                record.energy() == null ? null : record.energy().score(),
                record.audio() == null ? null : record.audio().durationSeconds(),
                record.createdAt(), record.updatedAt(),
                record.failure() == null ? null : record.failure().reason());
        return new Cached(eTag, record, verdict, summary);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading track records", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        }
    }
}
