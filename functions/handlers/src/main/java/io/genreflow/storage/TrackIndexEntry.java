package io.genreflow.storage;

import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;

import java.time.Instant;

/**
 * What the dashboard lists about one track, kept in a {@link TrackIndex} shard: enough to show,
 * filter and sort the tracks table without reading every record. The track record stays the
 * source of truth; an entry is a copy that the pipeline's writes keep current.
 *
 * @param id               the track id
 * @param name             the upload's name
 * @param source           the uploaded object version
 * @param status           the record's status
 * @param partialsExpected partial results the track waits for
 * @param energyLevel      LOW, MEDIUM or HIGH, once measured
 * @param energyScore      the energy score, once measured
 * @param durationSeconds  the audio's length, once decoded
 * @param createdAt        when the upload was first seen
 * @param updatedAt        when the record last changed
 * @param failureReason    why it failed, when FAILED
 * @param genre            the verdict's genre, once made
 * @param confidence       its probability
 * @param runnerUp         the second-ranked probability, if any
 * @param degraded         whether a representation was missing
 * @param tagsRead         whether title and artist below were read from the file
 * @param title            the file's title tag
 * @param artist           the file's artist tag
 */
public record TrackIndexEntry(String id, String name, SourceObject source, String status, int partialsExpected, String energyLevel,
                              Double energyScore, Double durationSeconds, String createdAt, String updatedAt,
                              String failureReason, String genre, Double confidence, Double runnerUp,
                              Boolean degraded, boolean tagsRead, String title, String artist) {

    /** The entry for {@code record}, keeping what {@code previous} knew about its verdict and tags. */
    public static TrackIndexEntry of(TrackRecord record, TrackIndexEntry previous) {
        boolean keep = previous != null;
        return new TrackIndexEntry(record.trackId().value(), record.name(), record.source(), record.status().name(),
                record.expectedPartials().values().stream().mapToInt(Integer::intValue).sum(),
                record.energy() == null ? null : record.energy().level().name(),
                record.energy() == null ? null : record.energy().score(),
                record.audio() == null ? null : record.audio().durationSeconds(),
                record.createdAt(), record.updatedAt(),
                record.failure() == null ? null : record.failure().reason(),
                keep ? previous.genre : null, keep ? previous.confidence : null, keep ? previous.runnerUp : null,
                keep ? previous.degraded : null, keep && previous.tagsRead, keep ? previous.title : null,
                keep ? previous.artist : null);
    }

    /** Whether this entry describes a later version of the track than {@code record} (writes may land out of order). */
    public boolean isNewerThan(TrackRecord record) {
        return Instant.parse(updatedAt).isAfter(Instant.parse(record.updatedAt()));
    }

    /** This entry with the verdict's genre, confidence and degraded flag. */
    public TrackIndexEntry withVerdict(Verdict verdict) {
        return new TrackIndexEntry(id, name, source, status, partialsExpected, energyLevel, energyScore, durationSeconds,
                createdAt, updatedAt, failureReason, verdict.genre(), verdict.confidence(),
                verdict.topK().size() > 1 ? verdict.topK().get(1).probability() : null, verdict.degraded(), tagsRead,
                title, artist);
    }

    /** This entry with the file's tags (either may be null). */
    public TrackIndexEntry withTags(String tagTitle, String tagArtist) {
        return new TrackIndexEntry(id, name, source, status, partialsExpected, energyLevel, energyScore, durationSeconds,
                createdAt, updatedAt, failureReason, genre, confidence, runnerUp, degraded, true, tagTitle, tagArtist);
    }
}
