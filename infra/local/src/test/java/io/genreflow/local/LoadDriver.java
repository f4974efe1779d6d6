package io.genreflow.local;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A user of a running stack, through its S3 API only: uploads clips (many at once, from a thread
 * pool), waits for their verdicts, and reads back what the pipeline stored (track records,
 * verdicts with their ETags).
 */
final class LoadDriver {

    private static final Duration POLL = Duration.ofMillis(250);

    private final S3Client s3;
    private final String bucket;

    LoadDriver(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A file to upload as {@code uploads/<name>}; the body is made when it is sent. */
    record Clip(String name, Supplier<RequestBody> body) {
    }

    /** An upload the S3 server acknowledged. */
    record Upload(String key, String eTag) {
    }

    /** A verdict copy under {@code verdicts/} with what S3 says of the object. */
    record StoredVerdict(Verdict verdict, String eTag, Instant lastModified) {
    }

    /** Uploads one clip and returns once S3 has it. */
    Upload upload(Clip clip) {
        String key = S3Keys.upload(clip.name());
        String eTag = s3.putObject(p -> p.bucket(bucket).key(key), clip.body().get()).eTag();
        return new Upload(key, unquoted(eTag));
    }

    /** Uploads every clip, {@code threads} at a time; upload key to its acknowledgement. */
    Map<String, Upload> uploadAll(List<Clip> clips, int threads) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Upload>> sent = new ArrayList<>();
            for (Clip clip : clips) {
                sent.add(pool.submit(() -> upload(clip)));
            }
            Map<String, Upload> uploads = new TreeMap<>();
            for (Future<Upload> upload : sent) {
                Upload done = upload.get();
                uploads.put(done.key(), done);
            }
            return uploads;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an upload failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Waits until the verdict of {@code uploadKey} is readable, polling every {@code poll}. */
    void awaitVerdict(String uploadKey, Duration poll, Duration timeout) {
        String key = S3Keys.verdictForUpload(uploadKey);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                s3.headObject(h -> h.bucket(bucket).key(key));
                return;
            } catch (NoSuchKeyException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no verdict for " + uploadKey + " within " + timeout, e);
                }
                sleep(poll);
            }
        }
    }

    /** Waits until every upload has a verdict copy. */
    void awaitVerdicts(Collection<String> uploadKeys, Duration timeout) {
        Set<String> wanted = uploadKeys.stream().map(S3Keys::verdictForUpload).collect(Collectors.toSet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!verdictKeys().keySet().containsAll(wanted)) {
            if (System.nanoTime() > deadline) {
                Set<String> missing = new TreeSet<>(wanted);
                missing.removeAll(verdictKeys().keySet());
                throw new IllegalStateException(missing.size() + " of " + wanted.size() + " verdicts still missing after "
                        + timeout + ", e.g. " + missing.stream().limit(5).toList() + "; tracks: " + statusCounts());
            }
            sleep(POLL);
        }
    }

    /**
     * Waits until every upload has a verdict copy and every track record is DONE or FAILED (the
     * aggregator writes the verdict before the final record), then returns the records.
     */
    List<TrackRecord> awaitFinished(Collection<String> uploadKeys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitVerdicts(uploadKeys, timeout);
        while (true) {
            List<TrackRecord> records = trackRecords();
            if (records.stream().allMatch(r -> r.status().isTerminal())) {
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tracks unfinished after " + timeout + ": " + statusCounts());
            }
            sleep(POLL);
        }
    }

    /** Every track record in the bucket. */
    List<TrackRecord> trackRecords() {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(S3Keys.TRACKS_PREFIX)).contents().stream()
                .map(S3Object::key)
                .filter(key -> key.endsWith("/track.json"))
                .map(key -> read(key, TrackRecord.class))
                .toList();
    }

    /** Every verdict copy under {@code verdicts/}, by key. */
    Map<String, StoredVerdict> verdicts() {
        Map<String, StoredVerdict> verdicts = new TreeMap<>();
        verdictKeys().forEach((key, object) -> verdicts.put(key, new StoredVerdict(
                read(key, Verdict.class),
                unquoted(object.eTag()), object.lastModified())));
        return verdicts;
    }

    /** The listing of {@code verdicts/}, by key. */
    Map<String, S3Object> verdictKeys() {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(S3Keys.VERDICTS_PREFIX)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, o -> o, (a, b) -> a, TreeMap::new));
    }

    /** The contract document stored at {@code key}. */
    <T> T read(String key, Class<T> type) {
        return ContractJson.read(s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray(), type);
    }

    /** Every key under {@code prefix}. */
    Set<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many tracks are in each status, for messages. */
    Map<String, Long> statusCounts() {
        return trackRecords().stream().collect(Collectors.groupingBy(r -> r.status().name(), TreeMap::new,
                Collectors.counting()));
    }

    static String unquoted(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline", e);
        }
    }
}
