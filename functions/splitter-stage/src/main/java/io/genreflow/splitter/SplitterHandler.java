package io.genreflow.splitter;

import io.genreflow.audio.AudioDecodeException;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.messaging.ContractHandler;
import io.genreflow.messaging.MessageSender;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.split.PcmByteWriter;
import io.genreflow.split.SplitResult;
import io.genreflow.split.TrackSplitter;
import io.genreflow.storage.MissingObjectException;
import io.genreflow.storage.Stored;
import io.genreflow.storage.StreamingUpload;
import io.genreflow.storage.TrackStore;
import io.genreflow.storage.WriteConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The splitter: for each upload an S3 event announces, decodes the file once into the track's PCM
 * object, plans its snippets, records the track as CLASSIFYING and sends every representation its
 * snippet batches.
 *
 * <p>An upload that cannot become audio (broken, empty, not audio, over the limits, deleted before
 * it was read) fails its track with the reason and is acknowledged: reading it again cannot help.
 * Trouble with S3 or SQS throws, so the event is delivered again; a redelivered event for a
 * CLASSIFYING track sends its batches again (results are idempotent), one for a finished track is
 * ignored, and one that loses the race for the track record to a duplicate delivery carries on
 * from what the winner recorded. Test events and objects outside {@code uploads/} are
 * acknowledged and ignored.
 * Thread-safe.
 */
public final class SplitterHandler implements ContractHandler<S3EventNotification> {

    private static final System.Logger LOG = System.getLogger(SplitterHandler.class.getName());

    private final SplitterSettings settings;
    private final Clock clock;
    private final ModelManifest manifest;
    private final TrackSplitter splitter;
    private final TrackStore store;
    private final MessageSender sender;

    /**
     * A splitter over these clients.
     *
     * @throws ModelException when the manifest is missing or invalid
     */
    public SplitterHandler(S3Client s3, SqsClient sqs, SplitterSettings settings, Clock clock) throws ModelException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.manifest = ModelManifest.read(settings.manifest());
        this.splitter = new TrackSplitter(manifest, settings.limits());
        this.store = new TrackStore(s3, settings.bucket());
        this.sender = new MessageSender(sqs);
    }

    /** Splits every upload the S3 event notification announces. */
    @Override
    public void handle(S3EventNotification event) throws IOException {
        for (SourceObject upload : event.createdObjects()) {
            if (!S3Keys.isUpload(upload.key()) || !upload.bucket().equals(settings.bucket())) {
                LOG.log(System.Logger.Level.INFO, "ignoring s3://{0}/{1}: not an upload to {2}", upload.bucket(),
                        upload.key(), settings.bucket());
                continue;
            }
            split(upload);
        }
    }

    private void split(SourceObject upload) throws IOException {
        Optional<Stored<TrackRecord>> existing = store.findTrack(upload.trackId());
        if (alreadySplit(existing)) {
            return;
        }
        try {
            decodeAndFanOut(upload, existing.orElse(null));
        } catch (WriteConflictException lost) {
            // Another delivery of the same event wrote the record first: go on from where it got,
            // instead of retrying an event that may then outlive its receive count.
            if (!alreadySplit(store.findTrack(upload.trackId()))) {
                throw lost;
            }
        }
    }

    /**
     * Whether the track needs no (more) splitting: it is finished, or CLASSIFYING, in which case
     * its batches are sent again, since the delivery that split it may have died before sending
     * them all (duplicates are harmless: results are stored by batch).
     */
    private boolean alreadySplit(Optional<Stored<TrackRecord>> record) {
        TrackStatus status = record.map(stored -> stored.value().status()).orElse(null);
        if (status == TrackStatus.CLASSIFYING) {
            sendBatches(record.get().value());
            return true;
        }
        return status != null && status.isTerminal();
    }

    private void decodeAndFanOut(SourceObject upload, Stored<TrackRecord> splitting) throws IOException {
        try {
            requireWithinSizeLimit(upload);
            if (splitting == null) {
                splitting = store.createTrack(TrackRecord.splitting(upload, manifest.modelVersion(), clock.instant()));
            }
            TrackRecord classifying = decode(splitting.value());
            // Recorded before any batch leaves, so no result ever finds the track still SPLITTING.
            store.replaceTrack(splitting, classifying);
            sendBatches(classifying);
        } catch (AudioDecodeException | MissingObjectException e) {
            fail(upload, splitting, e.getMessage());
        }
    }

    /** HEAD before GET, so an oversized file fails without reading a byte of it. */
    private void requireWithinSizeLimit(SourceObject upload) throws AudioDecodeException {
        long size = store.uploadSize(upload);
        long limit = settings.limits().maxBytes();
        if (size > limit) {
            throw new AudioDecodeException(AudioDecodeException.Reason.TOO_LONG, null, String.format(Locale.ROOT,
                    "the file is %d bytes (%.1f MiB), larger than the limit of %d bytes (%.1f MiB)", size,
                    mebibytes(size), limit, mebibytes(limit)));
        }
    }

    private TrackRecord decode(TrackRecord splitting) throws IOException {
        try (InputStream in = store.openUpload(splitting.source());
             StreamingUpload pcm = store.startPcmUpload(splitting.trackId())) {
            SplitResult split = splitter.split(in, new PcmByteWriter(pcm));
            pcm.commit();
            int snippets = split.plan().snippets().size();
            Map<String, Integer> batches = new LinkedHashMap<>();
            for (String representation : manifest.representations().keySet()) {
                batches.put(representation, SnippetBatches.count(snippets, settings.snippetsPerBatch()));
            }
            return splitting.withClassifying(split.audio(), split.plan(), batches, split.energy(), clock.instant());
        }
    }

    private void sendBatches(TrackRecord classifying) {
        for (Representation representation : classifying.expectedRepresentations()) {
            sender.sendAll(settings.queues().snippets(representation), SnippetBatches.bodies(classifying, representation));
        }
    }

    private void fail(SourceObject upload, Stored<TrackRecord> splitting, String reason) {
        LOG.log(System.Logger.Level.INFO, "{0} failed: {1}", upload.key(), reason);
        if (splitting == null) {
            store.createTrack(TrackRecord.splitting(upload, manifest.modelVersion(), clock.instant())
                    .withFailed(PipelineStage.SPLITTER, reason, clock.instant()));
        } else {
            store.replaceTrack(splitting, splitting.value().withFailed(PipelineStage.SPLITTER, reason, clock.instant()));
        }
    }

    private static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
