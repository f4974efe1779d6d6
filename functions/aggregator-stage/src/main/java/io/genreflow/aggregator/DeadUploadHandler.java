package io.genreflow.aggregator;

import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.messaging.ContractHandler;
import io.genreflow.storage.Stored;
import io.genreflow.storage.WriteConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * Fails the track of every upload whose event the splitter gave up on (it went to the uploads
 * dead-letter queue), so no track stays SPLITTING forever. A track that already finished is left
 * as it is; objects outside the bucket's {@code uploads/} are ignored.
 */
final class DeadUploadHandler implements ContractHandler<S3EventNotification> {

    private final TrackAccounting accounting;
    private final String bucket;
    private final String queue;

    DeadUploadHandler(TrackAccounting accounting, String bucket, String queue) {
        this.accounting = accounting;
        this.bucket = bucket;
        this.queue = queue;
    }

    @Override
    public void handle(S3EventNotification event) {
        for (SourceObject upload : event.createdObjects()) {
            if (S3Keys.isUpload(upload.key()) && upload.bucket().equals(bucket)) {
                fail(upload);
            }
        }
    }

    private void fail(SourceObject upload) {
        String reason = "the splitter gave up on this upload after repeated failures (its event went to " + queue
                + "); its logs say why. Upload the file again to retry";
        Optional<Stored<TrackRecord>> track = accounting.store().findTrack(upload.trackId());
        Instant now = accounting.clock().instant();
        if (track.isEmpty()) {
            try {
                accounting.store().createTrack(TrackRecord.splitting(upload, accounting.manifest().modelVersion(), now)
                        .withFailed(PipelineStage.SPLITTER, reason, now));
            } catch (WriteConflictException e) {
                accounting.requireDecided(upload.trackId(), e);
            }
        } else if (!track.get().value().status().isTerminal()) {
            accounting.decide(track.get(), track.get().value().withFailed(PipelineStage.SPLITTER, reason, now));
        }
    }
}
