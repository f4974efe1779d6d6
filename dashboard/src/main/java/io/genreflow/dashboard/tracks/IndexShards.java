package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.S3Keys;
import io.genreflow.storage.TrackIndex;
import io.genreflow.storage.TrackIndexEntry;
import io.genreflow.storage.TrackIndexShard;
import io.genreflow.storage.TrackStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The track index's shards as last read, each re-read with an ETag-conditional GET: an unchanged
 * shard costs a 304 and no parsing.
 */
final class IndexShards {

    private static final System.Logger LOG = System.getLogger(IndexShards.class.getName());
    private static final int NOT_MODIFIED = 304;

    private final S3Client s3;
    private final String bucket;
    private final TrackIndex index;
    private final Map<Integer, Shard> cache = new ConcurrentHashMap<>();

    IndexShards(S3Client s3, String bucket, TrackStore store) {
        this.s3 = s3;
        this.bucket = bucket;
        this.index = new TrackIndex(store);
    }

    /**
     * A shard as read.
     *
     * @param eTag    the version read; null for a shard that does not exist yet
     * @param entries its entries
     */
    record Shard(String eTag, Map<String, TrackIndexEntry> entries) {
    }

    /** Shard {@code shard} as stored now; empty when it does not exist yet. */
    Shard read(int shard) {
        Shard known = cache.get(shard);
        String key = S3Keys.indexShard(shard);
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                    .ifNoneMatch(known == null ? null : known.eTag()));
            Shard fresh = new Shard(bytes.response().eTag(),
                    ContractJson.read(bytes.asByteArray(), TrackIndexShard.class).tracks());
            cache.put(shard, fresh);
            return fresh;
        } catch (NoSuchKeyException e) {
            cache.remove(shard);
            return new Shard(null, Map.of());
        } catch (MalformedContractException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the unreadable index shard {0}: {1}", key, e.getMessage());
            return new Shard(null, Map.of());
        } catch (S3Exception e) {
            if (known != null && e.statusCode() == NOT_MODIFIED) {
                return known;
            }
            throw e;
        }
    }

    /** Records tags read from the files in the shard, so no instance reads those files again. */
    void keepTags(int shard, Map<String, TrackTags> tags) {
        try {
            index.updateShard(shard, entries -> tags.forEach((id, tagged) -> entries.computeIfPresent(id,
                    (key, entry) -> entry.withTags(tagged.title(), tagged.artist()))));
        } catch (RuntimeException e) {
            // Only a saving: the tags stay in tracks/<id>/tags.json and are read from there next time.
            LOG.log(System.Logger.Level.WARNING, "could not keep tags in {0}: {1}", S3Keys.indexShard(shard),
                    e.getMessage());
        }
    }

    /** Forgets shard {@code shard}, after the dashboard changed it. */
    void forget(int shard) {
        cache.remove(shard);
    }
}
