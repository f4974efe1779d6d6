package io.genreflow.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.testing.LocalAws;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class TrackStoreTest {

    private static final String BUCKET = "store-test";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static LocalAws aws;
    private static TrackStore store;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start();
        aws.createBucket(BUCKET);
        store = new TrackStore(aws.s3(), BUCKET, StreamingUpload.MIN_PART_BYTES);
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void aLongPcmGoesUpInPartsAndReadsBackByRange() throws IOException {
        TrackId id = TrackId.parse("00000000000000000001");
        byte[] pcm = randomBytes(2 * StreamingUpload.MIN_PART_BYTES + 12_345, 1);

        try (StreamingUpload upload = store.startPcmUpload(id)) {
            for (int offset = 0; offset < pcm.length; offset += 65_536) {
                upload.write(pcm, offset, Math.min(65_536, pcm.length - offset));
            }
            upload.commit();
        }

        assertTrue(aws.s3().headObject(b -> b.bucket(BUCKET).key(S3Keys.pcm(id))).eTag().endsWith("-3\""),
                "three parts");
        assertArrayEquals(Arrays.copyOfRange(pcm, 5_000_000, 5_400_000),
                store.readRange(S3Keys.pcm(id), "bytes=5000000-5399999"));
        assertArrayEquals(pcm, store.readRange(S3Keys.pcm(id), "bytes=0-" + (pcm.length - 1)));
    }

    @Test
    void aShortPcmIsOnePutAndAnUncommittedUploadLeavesNothing() throws IOException {
        TrackId shortId = TrackId.parse("00000000000000000002");
        TrackId abandoned = TrackId.parse("00000000000000000003");
        byte[] pcm = randomBytes(88_200, 2);

        try (StreamingUpload upload = store.startPcmUpload(shortId)) {
            upload.write(pcm);
            upload.commit();
        }
        try (StreamingUpload upload = store.startPcmUpload(abandoned)) {
            upload.write(randomBytes(StreamingUpload.MIN_PART_BYTES + 1, 3));
        }

        assertArrayEquals(pcm, store.readRange(S3Keys.pcm(shortId), "bytes=0-88199"));
        assertTrue(store.keysUnder(S3Keys.work(abandoned)).isEmpty());
        assertTrue(aws.s3().listMultipartUploads(b -> b.bucket(BUCKET)).uploads().isEmpty(),
                "the started multipart upload was aborted");
    }

    @Test
    void missingObjectsAreTypedAndConditionalWritesRefuseStaleVersions() {
        SourceObject source = new SourceObject(BUCKET, "uploads/a.wav", null, "abc123", 10, null);
        TrackRecord splitting = TrackRecord.splitting(source, "m1", NOW);

        assertTrue(store.findTrack(source.trackId()).isEmpty());
        assertThrows(MissingObjectException.class, () -> store.read(S3Keys.trackRecord(source.trackId()),
                TrackRecord.class));
        assertThrows(MissingObjectException.class, () -> store.readRange(S3Keys.pcm(source.trackId()), "bytes=0-3"));

        Stored<TrackRecord> created = store.createTrack(splitting);
        assertThrows(WriteConflictException.class,
                () -> store.createTrack(splitting.withFailed(PipelineStage.SPLITTER, "x", NOW)));
        Stored<TrackRecord> failed = store.replaceTrack(created,
                splitting.withFailed(PipelineStage.SPLITTER, "first", NOW));
        assertThrows(WriteConflictException.class, () -> store.replaceTrack(created,
                splitting.withFailed(PipelineStage.SPLITTER, "second", NOW)));
        assertEquals(failed, store.findTrack(source.trackId()).orElseThrow());
        assertEquals("first", failed.value().failure().reason());
    }

    @Test
    void anUploadIsReadOnlyInTheVersionItsEventNamed() throws IOException {
        String key = "uploads/replaced.wav";
        String first = aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("first")).eTag();
        SourceObject firstVersion = new SourceObject(BUCKET, key, null, first, 5, null);

        assertEquals(5, store.uploadSize(firstVersion));
        try (InputStream in = store.openUpload(firstVersion)) {
            assertEquals("first", new String(in.readAllBytes()));
        }
        aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("second version"));

        assertThrows(MissingObjectException.class, () -> store.uploadSize(firstVersion));
        assertThrows(MissingObjectException.class, () -> store.openUpload(firstVersion));
        aws.s3().deleteObject(b -> b.bucket(BUCKET).key(key));
        assertThrows(MissingObjectException.class, () -> store.uploadSize(firstVersion));
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
