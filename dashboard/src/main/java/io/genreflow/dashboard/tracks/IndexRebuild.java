package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.storage.Stored;
import io.genreflow.storage.TrackIndex;
import io.genreflow.storage.TrackIndexEntry;
import io.genreflow.storage.TrackStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * Builds the track index once for a bucket whose tracks predate it (no shard exists yet, but
 * tracks do), from their records and verdicts; from then on the pipeline's writes keep it current.
 */
final class IndexRebuild {

    private static final System.Logger LOG = System.getLogger(IndexRebuild.class.getName());

    private IndexRebuild() {
    }

    static void ifMissing(S3Client s3, String bucket, TrackStore store, IndexShards shards) {
        boolean noShard = IntStream.range(0, S3Keys.INDEX_SHARDS).allMatch(shard -> shards.read(shard).eTag() == null);
        if (!noShard) {
            return;
        }
        Map<Integer, Map<String, TrackIndexEntry>> entries = new HashMap<>();
        // An empty or brand-new bucket has nothing to index: its first track's writes create the shards.
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(S3Keys.TRACKS_PREFIX).delimiter("/"))
                .commonPrefixes().stream().map(CommonPrefix::prefix)
                .map(prefix -> prefix.substring(S3Keys.TRACKS_PREFIX.length(), prefix.length() - 1))
                .forEach(value -> entry(store, value).ifPresent(entry -> entries.computeIfAbsent(
                        S3Keys.indexShardOf(TrackId.parse(entry.id())), k -> new HashMap<>()).put(entry.id(), entry)));
        if (entries.isEmpty()) {
            return;
        }
        TrackIndex index = new TrackIndex(store);
        entries.forEach((shard, shardEntries) -> {
            index.updateShard(shard, current -> shardEntries.forEach(current::putIfAbsent));
            shards.forget(shard);
        });
        LOG.log(System.Logger.Level.INFO, "built the track index for {0} existing tracks",
                entries.values().stream().mapToInt(Map::size).sum());
    }

    private static Optional<TrackIndexEntry> entry(TrackStore store, String folder) {
        try {
            Optional<Stored<TrackRecord>> record = store.findTrack(TrackId.parse(folder));
            return record.map(Stored::value).map(r -> {
                TrackIndexEntry entry = TrackIndexEntry.of(r, null);
                return r.status() == TrackStatus.DONE ? store.find(S3Keys.verdict(r.trackId()), Verdict.class)
                        .map(v -> entry.withVerdict(v.value())).orElse(entry) : entry;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "not indexing tracks/{0}/: {1}", folder, e.getMessage());
            return Optional.empty();
        }
    }
}
