package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.storage.Stored;
import io.genreflow.storage.TrackIndex;
import io.genreflow.storage.TrackStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What users can do to a finished track: reprocess it (clear its results and announce the upload
 * again, as S3 would, so the pipeline runs it from the start, e.g. with newly shipped models) and
 * delete it (the upload and every object the pipeline made from it). A track still in the
 * pipeline is refused: its functions would write into a track that no longer exists.
 */
public final class TrackActions {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final TrackStore store;
    private final SqsClient sqs;
    private final String uploadsQueueUrl;
    private final String region;
    private final Clock clock;

    public TrackActions(S3Client s3, String bucket, SqsClient sqs, String uploadsQueueUrl, String region, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.store = new TrackStore(s3, bucket);
        this.sqs = sqs;
        this.uploadsQueueUrl = uploadsQueueUrl;
        this.region = region;
        this.clock = clock;
    }

    /** A request the track's state does not allow, with the reason. */
    public static final class RefusedException extends RuntimeException {

        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Runs the track through the pipeline again.
     *
     * @throws RefusedException when the track is unknown, still processing, or its upload is gone
     */
    public void reprocess(TrackId id) {
        TrackRecord record = finished(id);
        SourceObject source = record.source();
        try {
            store.uploadSize(source);
        } catch (RuntimeException e) {
            throw new RefusedException("the upload " + record.name() + " is gone or was replaced: " + e.getMessage());
        }
        // The tags are the upload's, which reprocessing does not change; the tag cache would not write them again.
        deleteTrackObjects(record, Set.of(S3Keys.tags(id)));
        S3EventNotification event = S3EventNotification.objectCreated(source, region, clock.instant());
        sqs.sendMessage(m -> m.queueUrl(uploadsQueueUrl).messageBody(new String(ContractJson.write(event),
                StandardCharsets.UTF_8)));
    }

    /**
     * Deletes the upload version and everything made from it.
     *
     * @throws RefusedException when the track is unknown or still processing
     */
    public void delete(TrackId id) {
        TrackRecord record = finished(id);
        SourceObject source = record.source();
        if (source.versionId() != null) {
            s3.deleteObject(d -> d.bucket(bucket).key(source.key()).versionId(source.versionId()));
        } else if (isCurrent(source)) {
            // Without versions, the key may by now hold a newer upload, which is another track.
            s3.deleteObject(d -> d.bucket(bucket).key(source.key()));
        }
        deleteTrackObjects(record, Set.of());
    }

    private TrackRecord finished(TrackId id) {
        TrackRecord record = store.findTrack(id).map(Stored::value)
                .orElseThrow(() -> new RefusedException("there is no track " + id));
        if (!record.status().isTerminal()) {
            throw new RefusedException("track " + id + " is " + record.status()
                    + "; wait until it is DONE or FAILED, which the pipeline always reaches");
        }
        return record;
    }

    private boolean isCurrent(SourceObject source) {
        try {
            String eTag = s3.headObject(h -> h.bucket(bucket).key(source.key())).eTag();
            return eTag != null && eTag.replace("\"", "").equals(source.eTag());
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Everything under work/&lt;id&gt;/ and tracks/&lt;id&gt;/ but {@code kept}, then the verdict copy
     * if it describes this track, the record last, then the track's index entry.
     */
    private void deleteTrackObjects(TrackRecord record, Set<String> kept) {
        String recordKey = S3Keys.trackRecord(record.trackId());
        List<String> keys = Stream.of(S3Keys.work(record.trackId()), S3Keys.track(record.trackId()))
                .flatMap(prefix -> store.keysUnder(prefix).stream())
                .filter(key -> !key.equals(recordKey) && !kept.contains(key)).sorted().toList();
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            s3.deleteObjects(d -> d.bucket(bucket).delete(b -> b.objects(batch).quiet(true)));
        }
        String copy = S3Keys.verdictForUpload(record.source().key());
        if (copyDescribes(copy, record.trackId())) {
            s3.deleteObject(d -> d.bucket(bucket).key(copy));
        }
        s3.deleteObject(d -> d.bucket(bucket).key(recordKey));
        new TrackIndex(store).update(record.trackId(), entry -> null);
    }

    private boolean copyDescribes(String copy, TrackId id) {
        try {
            Optional<Stored<Verdict>> verdict = store.find(copy, Verdict.class);
            return verdict.isPresent() && verdict.get().value().trackId().equals(id);
        } catch (MalformedContractException e) {
            return false;
        }
    }
}
