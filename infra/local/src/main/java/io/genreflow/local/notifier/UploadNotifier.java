package io.genreflow.local.notifier;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.embedded.ObjectWriteListener;
import io.genreflow.storage.TrackStore;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends one standard S3 {@code ObjectCreated} event to the uploads queue for each new object under
 * {@code uploads/} of the embedded S3, which has no bucket notifications of its own.
 *
 * <p>New objects are noticed as the S3 server stores them ({@link #objectWritten}, wired as the
 * server's {@link ObjectWriteListener}), so the event follows the upload within milliseconds. A
 * listing every {@code scanInterval} catches anything that path missed (a failed send, a write
 * the hook does not see). A ledger in the data folder records every version announced (key and
 * ETag), so no scan, and no restart, announces a version twice.
 *
 * <p><b>Restarts.</b> The embedded SQS keeps its queues in memory: when the stack stops, queued
 * and in-flight messages are lost. So the first scan at start re-announces every upload whose
 * track is not finished: its {@code tracks/<id>/track.json} is missing, or says neither DONE nor
 * FAILED. Work interrupted by a restart resumes this way, and an upload whose event never went
 * out (the ledger does not have it) is announced too. Finished tracks are never announced again.
 * The handlers are idempotent, so an event for a track that was half done is safe.
 */
public final class UploadNotifier implements ObjectWriteListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadNotifier.class);

    private final S3Client s3;
    private final SqsClient sqs;
    private final String bucket;
    private final String region;
    private final String queueUrl;
    private final AnnouncementLedger ledger;
    private final TrackStore tracks;
    /** One thread: announcements and scans never race each other over the ledger. */
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("upload-notifier").daemon(true).factory());

    private UploadNotifier(S3Client s3, SqsClient sqs, String bucket, String region, String queueUrl, Path ledgerFile) {
        this.s3 = s3;
        this.sqs = sqs;
        this.bucket = bucket;
        this.region = region;
        this.queueUrl = queueUrl;
        this.ledger = AnnouncementLedger.open(ledgerFile);
        this.tracks = new TrackStore(s3, bucket);
    }

    /**
     * Re-announces unfinished uploads (see the class comment), then keeps announcing new ones.
     * Returns once the first scan is done.
     *
     * @param queueUrl   the uploads queue
     * @param ledgerFile where the ledger is kept; created if missing
     */
    public static UploadNotifier start(S3Client s3, SqsClient sqs, String bucket, String region, String queueUrl,
                                       Path ledgerFile, Duration scanInterval) {
        UploadNotifier notifier = new UploadNotifier(s3, sqs, bucket, region, queueUrl, ledgerFile);
        try {
            notifier.worker.submit(notifier::resumeUnfinished).get();
        } catch (ExecutionException e) {
            notifier.close();
            throw new IllegalStateException("the upload notifier could not scan s3://" + bucket + "/"
                    + S3Keys.UPLOADS_PREFIX + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notifier.close();
            throw new IllegalStateException("interrupted while the upload notifier scanned the bucket", e);
        }
        long every = scanInterval.toMillis();
        notifier.worker.scheduleWithFixedDelay(notifier::announceMissed, every, every, TimeUnit.MILLISECONDS);
        return notifier;
    }

    @Override
    public void objectWritten(String writtenBucket, String key) {
        if (!bucket.equals(writtenBucket) || !S3Keys.isUpload(key)) {
            return;
        }
        try {
            worker.execute(() -> announceStored(key));
        } catch (RejectedExecutionException e) {
            // Stopping: the next start's scan announces it, as its track has no record yet.
            LOG.debugf("upload %s arrived while the notifier stopped", key);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void announceStored(String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(h -> h.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return;
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the new upload %s (%s); the next bucket scan announces it", key, e.getMessage());
            return;
        }
        UploadVersion upload = new UploadVersion(key, head.eTag(), head.contentLength(), head.lastModified());
        if (!ledger.contains(upload.source(bucket))) {
            tryAnnounce(upload);
        }
    }

    private void resumeUnfinished() {
        List<UploadVersion> uploads = listUploads();
        List<SourceObject> versions = new ArrayList<>();
        int announced = 0;
        for (UploadVersion upload : uploads) {
            SourceObject version = upload.source(bucket);
            versions.add(version);
            if (isFinished(version)) {
                ledger.record(version);
            } else {
                announce(upload);
                announced++;
            }
        }
        ledger.retainOnly(versions);
        LOG.infof("upload notifier: %d uploads in s3://%s/%s, %d unfinished announced", uploads.size(), bucket,
                S3Keys.UPLOADS_PREFIX, announced);
    }

    private void announceMissed() {
        try {
            for (UploadVersion upload : listUploads()) {
                if (!ledger.contains(upload.source(bucket))) {
                    tryAnnounce(upload);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("the upload notifier's bucket scan failed (%s); the next one retries", e.getMessage());
        }
    }

    private void tryAnnounce(UploadVersion upload) {
        try {
            announce(upload);
        } catch (RuntimeException e) {
            LOG.warnf("could not announce %s (%s); the next bucket scan retries", upload.key(), e.getMessage());
        }
    }

    private void announce(UploadVersion upload) {
        SourceObject version = upload.source(bucket);
        S3EventNotification event = S3EventNotification.objectCreated(version, region, upload.lastModified());
        String body = new String(ContractJson.write(event), StandardCharsets.UTF_8);
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
        ledger.record(version);
        LOG.infof("announced upload %s (%d bytes, track %s)", version.key(), version.sizeBytes(), version.trackId());
    }

    private boolean isFinished(SourceObject version) {
        try {
            return tracks.findTrack(version.trackId()).map(track -> track.value().status().isTerminal()).orElse(false);
        } catch (MalformedContractException e) {
            LOG.warnf("the record of track %s is unreadable (%s); announcing %s again", version.trackId(),
                    e.getMessage(), version.key());
            return false;
        }
    }

    private List<UploadVersion> listUploads() {
        List<UploadVersion> uploads = new ArrayList<>();
        s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(S3Keys.UPLOADS_PREFIX)).contents().forEach(object -> {
            if (S3Keys.isUpload(object.key())) {
                uploads.add(new UploadVersion(object.key(), object.eTag(), object.size(), object.lastModified()));
            }
        });
        return uploads;
    }
}
