package io.genreflow.dashboard.tracks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A track's tags, read once from the start of its upload and kept beside its record at
 * {@code tracks/<id>/tags.json} (and, by the catalog, in the track index). A track is one object version, so its tags never change: the
 * stored copy and the in-memory cache never go stale, and deleting the track removes the copy
 * with everything else under {@code tracks/<id>/}.
 */
final class TagStore {

    private static final System.Logger LOG = System.getLogger(TagStore.class.getName());
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final S3Client s3;
    private final String bucket;
    private final Map<String, TrackTags> known = new ConcurrentHashMap<>();

    TagStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The tags of the upload {@code record} describes; {@link TrackTags#NONE} when it has none or is gone. */
    TrackTags of(TrackRecord record) {
        return of(record.trackId(), record.source());
    }

    /** The tags of track {@code id}, made from the upload {@code source}. */
    TrackTags of(TrackId id, SourceObject source) {
        return known.computeIfAbsent(id.value(), value -> load(id, source));
    }

    private TrackTags load(TrackId id, SourceObject source) {
        String key = S3Keys.tags(id);
        try {
            return Json.mapper().readValue(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(),
                    TrackTags.class);
        } catch (NoSuchKeyException e) {
            TrackTags tags = readUpload(source);
            store(key, tags);
            return tags;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable {0}, reading the upload again: {1}", key, e.getMessage());
            return readUpload(source);
        }
    }

    private TrackTags readUpload(SourceObject source) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(source.bucket()).key(source.key())
                .range("bytes=0-" + (TagReader.HEAD_BYTES - 1));
        if (source.versionId() != null) {
            request.versionId(source.versionId());
        } else {
            request.ifMatch("\"" + source.eTag() + "\"");
        }
        try {
            return TagReader.read(s3.getObjectAsBytes(request.build()).asByteArray());
        } catch (S3Exception e) {
            // Deleted, replaced, or empty (a range of a 0-byte object is not satisfiable): no tags.
            if (e instanceof NoSuchKeyException || e.statusCode() == 404 || e.statusCode() == 412
                    || e.statusCode() == RANGE_NOT_SATISFIABLE) {
                return TrackTags.NONE;
            }
            throw e;
        }
    }

    private void store(String key, TrackTags tags) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
                    RequestBody.fromBytes(Json.mapper().writeValueAsBytes(tags)));
        } catch (JsonProcessingException | S3Exception e) {
            // Only a cache: the next cold instance reads the upload again.
            LOG.log(System.Logger.Level.WARNING, "could not keep the tags at {0}: {1}", key, e.getMessage());
        }
    }
}
