package io.genreflow.storage;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * genreflow's state in one bucket, laid out as {@link S3Keys} says: track records, the decoded PCM,
 * partial results and failure notes, verdicts. Documents are the JSON contracts, written with
 * {@link ContractJson}. Thread-safe.
 *
 * <p>A missing object is a {@link MissingObjectException}; a lost conditional write a
 * {@link WriteConflictException}; any other S3 failure stays the SDK's exception, so callers can
 * tell "not there" and "someone else decided" from trouble worth retrying.
 */
public final class TrackStore {

    /** Part size of the PCM upload: the memory a split holds for it. */
    public static final int DEFAULT_PART_BYTES = 8 << 20;

    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;
    /** What S3 answers a conditional write racing another on the same key. */
    private static final int CONDITIONAL_REQUEST_CONFLICT = 409;
    private static final int VERDICT_COPY_ATTEMPTS = 5;
    private static final System.Logger LOG = System.getLogger(TrackStore.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final int partBytes;
    private final TrackIndex index = new TrackIndex(this);

    /** A store in {@code bucket} uploading the PCM in {@value #DEFAULT_PART_BYTES}-byte parts. */
    public TrackStore(S3Client s3, String bucket) {
        this(s3, bucket, DEFAULT_PART_BYTES);
    }

    /** A store in {@code bucket} uploading the PCM in parts of {@code partBytes}. */
    public TrackStore(S3Client s3, String bucket, int partBytes) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        if (partBytes < StreamingUpload.MIN_PART_BYTES) {
            throw new IllegalArgumentException("parts must be at least " + StreamingUpload.MIN_PART_BYTES
                    + " bytes, got " + partBytes);
        }
        this.partBytes = partBytes;
    }

    /** The bucket this store lives in. */
    public String bucket() {
        return bucket;
    }

    /**
     * The document at {@code key}, if there is one.
     *
     * @throws MalformedContractException when the object is not a valid {@code type}
     */
    public <T> Optional<Stored<T>> find(String key, Class<T> type) {
        return findBytes(key).map(bytes -> new Stored<>(ContractJson.read(bytes.value(), type), bytes.eTag()));
    }

    /**
     * The document at {@code key}.
     *
     * @throws MissingObjectException     when there is none
     * @throws MalformedContractException when the object is not a valid {@code type}
     */
    public <T> Stored<T> read(String key, Class<T> type) {
        return find(key, type).orElseThrow(() -> new MissingObjectException(key, "s3://" + bucket + "/" + key
                + " does not exist", null));
    }

    /** Writes {@code document} at {@code key}, whatever is there. */
    public void put(String key, Object document) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(ContractJson.write(document)));
    }

    /**
     * Writes {@code document} at {@code key} only if nothing is there yet.
     *
     * @return the new object's ETag
     * @throws WriteConflictException when an object exists
     */
    public String create(String key, Object document) {
        return conditionalPut(key, document, b -> b.ifNoneMatch("*"));
    }

    /**
     * Replaces the version of {@code key} that has {@code eTag} with {@code document}.
     *
     * @return the new object's ETag
     * @throws WriteConflictException when the object has changed or disappeared since
     */
    public String replace(String key, String eTag, Object document) {
        return conditionalPut(key, document, b -> b.ifMatch(eTag));
    }

    /** The record of track {@code id}, if the splitter has created it. */
    public Optional<Stored<TrackRecord>> findTrack(TrackId id) {
        return find(S3Keys.trackRecord(id), TrackRecord.class);
    }

    /**
     * Stores a new track record.
     *
     * @throws WriteConflictException when the track already has one
     */
    public Stored<TrackRecord> createTrack(TrackRecord record) {
        Stored<TrackRecord> created = new Stored<>(record, create(S3Keys.trackRecord(record.trackId()), record));
        indexed(record.trackId(), entry -> TrackIndexEntry.of(record, entry));
        return created;
    }

    /**
     * Moves a track on from the record version {@code current}.
     *
     * @throws WriteConflictException when the record changed since {@code current} was read
     */
    public Stored<TrackRecord> replaceTrack(Stored<TrackRecord> current, TrackRecord next) {
        if (!current.value().trackId().equals(next.trackId())) {
            throw new IllegalArgumentException("cannot replace the record of " + current.value().trackId()
                    + " with one of " + next.trackId());
        }
        Stored<TrackRecord> replaced = new Stored<>(next, replace(S3Keys.trackRecord(next.trackId()), current.eTag(), next));
        indexed(next.trackId(), entry -> entry != null && entry.isNewerThan(next) ? entry : TrackIndexEntry.of(next, entry));
        return replaced;
    }

    /**
     * The size of the uploaded object version {@code source} names.
     *
     * @throws MissingObjectException when that version has been deleted or replaced
     */
    public long uploadSize(SourceObject source) {
        HeadObjectRequest.Builder request = HeadObjectRequest.builder().bucket(source.bucket()).key(source.key());
        if (source.versionId() != null) {
            request.versionId(source.versionId());
        } else {
            request.ifMatch(quoted(source.eTag()));
        }
        try {
            return s3.headObject(request.build()).contentLength();
        } catch (S3Exception e) {
            throw isGone(e) ? uploadGone(source, e) : e;
        }
    }

    /**
     * Streams the uploaded object version {@code source} names; the caller closes the stream.
     *
     * @throws MissingObjectException when that version has been deleted or replaced
     */
    public InputStream openUpload(SourceObject source) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(source.bucket()).key(source.key());
        if (source.versionId() != null) {
            request.versionId(source.versionId());
        } else {
            request.ifMatch(quoted(source.eTag()));
        }
        try {
            return s3.getObject(request.build());
        } catch (S3Exception e) {
            throw isGone(e) ? uploadGone(source, e) : e;
        }
    }

    /** Starts writing the PCM of track {@code id}; commit the upload to store it. */
    public StreamingUpload startPcmUpload(TrackId id) {
        return new StreamingUpload(s3, bucket, S3Keys.pcm(id), partBytes);
    }

    /**
     * The bytes of {@code key} in the HTTP range {@code range}, e.g. "bytes=0-88199".
     *
     * @throws MissingObjectException when the object does not exist
     */
    public byte[] readRange(String key, String range) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range(range)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new MissingObjectException(key, "s3://" + bucket + "/" + key + " does not exist", e);
        }
    }

    /** Every key under {@code prefix}. */
    public Set<String> keysUnder(String prefix) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    /**
     * Stores a verdict at {@code tracks/<id>/verdict.json} and copies it to
     * {@link S3Keys#verdictForUpload}, unless the copy there describes a newer upload of the same
     * key. The copy is replaced conditionally, so two verdicts for one key racing each other still
     * leave the newer in place.
     *
     * @throws WriteConflictException when the copy kept changing under every attempt
     */
    public void putVerdict(Verdict verdict) {
        put(S3Keys.verdict(verdict.trackId()), verdict);
        String copy = S3Keys.verdictForUpload(verdict.source().key());
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<Stored<byte[]>> existing = findBytes(copy);
                if (existing.isEmpty()) {
                    create(copy, verdict);
                } else if (!describesNewerUpload(existing.get().value(), verdict)) {
                    replace(copy, existing.get().eTag(), verdict);
                }
                indexed(verdict.trackId(), entry -> entry == null ? null : entry.withVerdict(verdict));
                return;
            } catch (WriteConflictException e) {
                if (attempt == VERDICT_COPY_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Keeps the {@link TrackIndex} entry of {@code id} current after a write here. The record
     * stays the source of truth: a failed index write is logged, not thrown, since retrying the
     * pipeline step would find its record already written and skip; readers check entries of
     * unfinished tracks against their records, and the next write of the track repairs it.
     */
    private void indexed(TrackId id, UnaryOperator<TrackIndexEntry> change) {
        try {
            index.update(id, change);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "track index not updated for {0}: {1}", id, e.getMessage());
        }
    }

    private static boolean describesNewerUpload(byte[] existingCopy, Verdict verdict) {
        try {
            return ContractJson.read(existingCopy, Verdict.class).source().supersedes(verdict.source());
        } catch (MalformedContractException e) {
            // Not a verdict genreflow wrote, so nothing worth keeping.
            return false;
        }
    }

    private Optional<Stored<byte[]>> findBytes(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new Stored<>(bytes.asByteArray(), bytes.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private String conditionalPut(String key, Object document, Consumer<PutObjectRequest.Builder> condition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType("application/json");
        condition.accept(request);
        byte[] bytes = ContractJson.write(document);
        try {
            return s3.putObject(request.build(), RequestBody.fromBytes(bytes)).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != CONDITIONAL_REQUEST_CONFLICT) {
                throw e;
            }
            // The SDK retries a request whose response was lost; if the first attempt was applied,
            // the retry's condition fails on our own write, which is a success.
            return findBytes(key).filter(stored -> Arrays.equals(stored.value(), bytes)).map(Stored::eTag)
                    .orElseThrow(() -> new WriteConflictException(key, e));
        }
    }

    /** Not there, or (If-Match failing) there in another version. */
    private static boolean isGone(S3Exception e) {
        return e instanceof NoSuchKeyException || e.statusCode() == NOT_FOUND || e.statusCode() == PRECONDITION_FAILED;
    }

    private static MissingObjectException uploadGone(SourceObject source, S3Exception e) {
        return new MissingObjectException(source.key(), source.key() + " was deleted or replaced by a newer"
                + " upload before it could be processed (a newer upload is processed on its own)", e);
    }

    private static String quoted(String eTag) {
        return "\"" + eTag + "\"";
    }
}
