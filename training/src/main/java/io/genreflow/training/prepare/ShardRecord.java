package io.genreflow.training.prepare;

import java.util.List;

/**
 * The bookkeeping of one finished shard, kept under {@code .prepare/} so that a resumed run can
 * write the CSV files without redoing the shard.
 *
 * @param shard  the shard's number
 * @param tracks what each of its tracks produced, in track order
 */
public record ShardRecord(int shard, List<TrackOutcome> tracks) {

    public ShardRecord {
        tracks = List.copyOf(tracks);
    }

    /** Rows the shard's files hold. */
    public long rows() {
        return tracks.stream().mapToLong(track -> track.rows().size()).sum();
    }
}
