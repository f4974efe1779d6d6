package io.genreflow.storage;

import java.util.Map;
import java.util.TreeMap;

/**
 * One shard of the {@link TrackIndex}: the entries of the tracks whose id starts with its hex digit.
 *
 * @param schemaVersion 1
 * @param tracks        track id to entry, sorted so equal shards serialise identically
 */
public record TrackIndexShard(int schemaVersion, Map<String, TrackIndexEntry> tracks) {

    /** The format this release writes. */
    public static final int SCHEMA_VERSION = 1;

    public TrackIndexShard {
        tracks = tracks == null ? new TreeMap<>() : new TreeMap<>(tracks);
    }

    /** A shard with no tracks. */
    public static TrackIndexShard empty() {
        return new TrackIndexShard(SCHEMA_VERSION, Map.of());
    }
}
