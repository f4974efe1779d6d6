package io.genreflow.storage;

import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where the dashboard finds tracks without listing or reading the whole bucket:
 * {@value S3Keys#INDEX_SHARDS} JSON objects {@link S3Keys#indexShard}, one per first hex digit of
 * the track id, each mapping its tracks' ids to a {@link TrackIndexEntry}. Entries change by
 * read-modify-write with conditional puts (If-Match, If-None-Match), retried on conflict, so
 * concurrent writers never lose each other's entries. Thread-safe.
 */
public final class TrackIndex {

    private static final int ATTEMPTS = 20;

    private final TrackStore store;

    public TrackIndex(TrackStore store) {
        this.store = store;
    }

    /**
     * Applies {@code change} to the entry of {@code id} (null when it has none); a null result
     * removes the entry.
     *
     * @throws WriteConflictException when the shard kept changing under every attempt
     */
    public void update(TrackId id, UnaryOperator<TrackIndexEntry> change) {
        updateShard(S3Keys.indexShardOf(id), entries -> {
            TrackIndexEntry next = change.apply(entries.get(id.value()));
            if (next == null) {
                entries.remove(id.value());
            } else {
                entries.put(id.value(), next);
            }
        });
    }

    /** Applies {@code change} to every entry of shard {@code shard} at once, as one conditional write. */
    public void updateShard(int shard, Consumer<Map<String, TrackIndexEntry>> change) {
        String key = S3Keys.indexShard(shard);
        for (int attempt = 1; ; attempt++) {
            Optional<Stored<TrackIndexShard>> current = store.find(key, TrackIndexShard.class);
            Map<String, TrackIndexEntry> entries = new HashMap<>(current.map(s -> s.value().tracks()).orElse(Map.of()));
            change.accept(entries);
            TrackIndexShard next = new TrackIndexShard(TrackIndexShard.SCHEMA_VERSION, entries);
            if (current.isPresent() && current.get().value().equals(next)) {
                return;
            }
            try {
                if (current.isPresent()) {
                    store.replace(key, current.get().eTag(), next);
                } else {
                    store.create(key, next);
                }
                return;
            } catch (WriteConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while updating the track index", e);
        }
    }
}
