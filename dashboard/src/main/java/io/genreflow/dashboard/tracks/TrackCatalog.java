package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.storage.TrackIndex;
import io.genreflow.storage.TrackIndexEntry;
import io.genreflow.storage.TrackStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The tracks in the bucket. The list comes from the {@link TrackIndex} the pipeline keeps (16
 * shard objects, re-read with ETag-conditional GETs); a track's own page, and every unfinished
 * track in the list, come from its record and verdict, the source of truth, also re-read
 * conditionally. The caches only save work: any instance, cold or warm, gives the same answer.
 * Thread-safe.
 */
public final class TrackCatalog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrackCatalog.class.getName());
    private static final int NOT_MODIFIED = 304;

    private final S3Client s3;
    private final String bucket;
    private final TrackStore store;
    private final TrackProgress progress;
    private final TagStore tags;
    private final IndexShards shards;
    private final double uncertainBelow;
    private final Map<String, Cached> records = new ConcurrentHashMap<>();
    private final Map<Integer, Derived> derived = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean indexChecked;

    /** A catalog of the tracks in {@code bucket}; verdicts below {@code uncertainBelow} are marked uncertain. */
    public TrackCatalog(S3Client s3, String bucket, double uncertainBelow) {
        this.s3 = s3;
        this.bucket = bucket;
        this.store = new TrackStore(s3, bucket);
        this.progress = new TrackProgress(store);
        this.tags = new TagStore(s3, bucket);
        this.shards = new IndexShards(s3, bucket, store);
        this.uncertainBelow = uncertainBelow;
    }

    /** A record version with what the dashboard derived from it. */
    private record Cached(String eTag, TrackRecord record, Verdict verdict, TrackSummary summary) {
    }

    /**
     * Every track, newest upload first: the index's entries, except that an unfinished track (or
     * one whose entry lacks its verdict) is read from its record: it changes, and its progress is
     * counted, and a lost index write shows no stale state.
     */
    public List<TrackSummary> all() {
        if (!indexChecked) {
            IndexRebuild.ifMissing(s3, bucket, store, shards);
            indexChecked = true;
        }
        List<Future<List<TrackSummary>>> reads = new ArrayList<>();
        for (int shard = 0; shard < S3Keys.INDEX_SHARDS; shard++) {
            int number = shard;
            reads.add(readers.submit(() -> summaries(number)));
        }
        List<TrackSummary> tracks = new ArrayList<>();
        for (Future<List<TrackSummary>> read : reads) {
            tracks.addAll(join(read));
        }
        tracks.sort(TrackQuery.Sort.UPLOADED.descending());
        return tracks;
    }

    /** A shard's finished tracks as summaries and its unfinished ones' ids, for one shard version. */
    private record Derived(String eTag, List<TrackSummary> complete, List<TrackId> unfinished) {
    }

    private List<TrackSummary> summaries(int shard) {
        IndexShards.Shard current = shards.read(shard);
        Derived derived = this.derived.get(shard);
        if (derived == null || current.eTag() == null || !current.eTag().equals(derived.eTag())) {
            derived = derive(shard, current);
            this.derived.put(shard, derived);
        }
        List<TrackSummary> out = new ArrayList<>(derived.complete());
        List<Future<Optional<Cached>>> unfinished = new ArrayList<>();
        for (TrackId id : derived.unfinished()) {
            unfinished.add(readers.submit(() -> current(id)));
        }
        for (Future<Optional<Cached>> read : unfinished) {
            join(read).ifPresent(cached -> out.add(cached.summary()));
        }
        return out;
    }

    private Derived derive(int shard, IndexShards.Shard current) {
        List<TrackSummary> complete = new ArrayList<>();
        List<TrackId> unfinished = new ArrayList<>();
        Map<String, TrackTags> tagsRead = new HashMap<>();
        for (TrackIndexEntry entry : current.entries().values()) {
            TrackId id = TrackId.parse(entry.id());
            if (isComplete(entry)) {
                TrackTags tagged = entry.tagsRead() ? new TrackTags(entry.title(), entry.artist())
                        : tags.of(id, entry.source());
                if (!entry.tagsRead()) {
                    tagsRead.put(entry.id(), tagged);
                }
                complete.add(summary(entry, tagged));
            } else {
                unfinished.add(id);
            }
        }
        if (!tagsRead.isEmpty()) {
            shards.keepTags(shard, tagsRead);
        }
        return new Derived(current.eTag(), List.copyOf(complete), List.copyOf(unfinished));
    }

    /** A FAILED entry, or a DONE one with its verdict; anything else is read from the record. */
    private static boolean isComplete(TrackIndexEntry entry) {
        return TrackStatus.FAILED.name().equals(entry.status())
                || TrackStatus.DONE.name().equals(entry.status()) && entry.genre() != null;
    }

    private TrackSummary summary(TrackIndexEntry e, TrackTags tagged) {
        int expected = e.partialsExpected();
        boolean done = TrackStatus.DONE.name().equals(e.status());
        return new TrackSummary(e.id(), e.name(), tagged.title(), tagged.artist(), TrackStatus.valueOf(e.status()),
                done ? expected : 0, expected, done ? e.genre() : null,
                done ? e.confidence() : null, done && Uncertainty.of(e.confidence(), e.runnerUp(), uncertainBelow),
                done && Boolean.TRUE.equals(e.degraded()), e.energyLevel(), e.energyScore(), e.durationSeconds(),
                e.createdAt(), e.updatedAt(), e.failureReason());
    }

    /** One track, if it exists. */
    public Optional<TrackDetail> find(TrackId id) {
        return current(id).map(cached -> new TrackDetail(cached.summary(), cached.record(), cached.verdict(),
                cached.record().failure() == null ? null : FailureAdvice.of(cached.record().failure())));
    }

    /** Forgets what was cached about {@code id}, after the dashboard changed it. */
    public void forget(TrackId id) {
        records.remove(id.value());
        shards.forget(S3Keys.indexShardOf(id));
        derived.remove(S3Keys.indexShardOf(id));
    }

    @Override
    public void close() {
        readers.close();
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
