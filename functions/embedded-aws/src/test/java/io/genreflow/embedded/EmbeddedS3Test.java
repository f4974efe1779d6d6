package io.genreflow.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertFalse;
import java.nio.file.Files;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedS3Test {

    private static final int MIB = 1024 * 1024;

    @Test
    void storesReadsRangesAndListsObjectsForTheSdk() {
        try (EmbeddedS3 server = transientServer().build().start(); S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("music"));
            s3.putObject(p -> p.bucket("music").key("uploads/a.wav"), RequestBody.fromString("0123456789"));
            s3.putObject(p -> p.bucket("music").key("tracks/x/track.json"), RequestBody.fromString("{}"));

            assertEquals("0123456789", s3.getObjectAsBytes(g -> g.bucket("music").key("uploads/a.wav")).asUtf8String());
            assertEquals("3456", s3.getObjectAsBytes(g -> g.bucket("music").key("uploads/a.wav").range("bytes=3-6"))
                    .asUtf8String());
            List<String> uploads = s3.listObjectsV2(l -> l.bucket("music").prefix("uploads/")).contents().stream()
                    .map(S3Object::key).toList();
            assertEquals(List.of("uploads/a.wav"), uploads);
        }
    }

    @Test
    void assemblesMultipartUploads() {
        byte[] first = filled(5 * MIB, (byte) 1);
        byte[] second = filled(1000, (byte) 2);
        try (EmbeddedS3 server = transientServer().build().start(); S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("music"));
            String uploadId = s3.createMultipartUpload(c -> c.bucket("music").key("big.pcm")).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            byte[][] contents = {first, second};
            for (int i = 0; i < contents.length; i++) {
                int partNumber = i + 1;
                String eTag = s3.uploadPart(u -> u.bucket("music").key("big.pcm").uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromBytes(contents[partNumber - 1])).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            s3.completeMultipartUpload(c -> c.bucket("music").key("big.pcm").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));

            byte[] stored = s3.getObjectAsBytes(g -> g.bucket("music").key("big.pcm")).asByteArray();
            assertEquals(first.length + second.length, stored.length);
            assertArrayEquals(second, Arrays.copyOfRange(stored, first.length, stored.length));
            byte[] across = s3.getObjectAsBytes(g -> g.bucket("music").key("big.pcm")
                    .range("bytes=" + (first.length - 1) + "-" + first.length)).asByteArray();
            assertArrayEquals(new byte[] {1, 2}, across);
        }
    }

    @Test
    void refusesRequestsSignedWithAnotherSecret() {
        try (EmbeddedS3 server = transientServer().build().start();
             S3Client intruder = Clients.s3(server.endpoint(), server.accessKeyId(), "not-the-secret")) {
            S3Exception refused = assertThrows(S3Exception.class, () -> intruder.createBucket(b -> b.bucket("music")));
            assertEquals(403, refused.statusCode());
        }
    }

    @Test
    void keepsObjectsInItsFolderAcrossRestarts(@TempDir Path root) {
        try (EmbeddedS3 server = filesystemServer(root).start(); S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("music"));
            s3.putObject(p -> p.bucket("music").key("uploads/keep.wav"), RequestBody.fromString("kept"));
        }
        try (EmbeddedS3 server = filesystemServer(root).start(); S3Client s3 = Clients.s3(server)) {
            assertEquals("kept", s3.getObjectAsBytes(g -> g.bucket("music").key("uploads/keep.wav")).asUtf8String());
        }
    }

    @Test
    void tellsTheListenerAboutEveryStoredObjectOnce() {
        List<String> written = new CopyOnWriteArrayList<>();
        try (EmbeddedS3 server = transientServer().onObjectWritten((bucket, key) -> written.add(bucket + "/" + key))
                .build().start(); S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("music"));
            s3.putObject(p -> p.bucket("music").key("uploads/put.wav"), RequestBody.fromString("x"));
            s3.copyObject(c -> c.sourceBucket("music").sourceKey("uploads/put.wav")
                    .destinationBucket("music").destinationKey("uploads/copy.wav"));
            String uploadId = s3.createMultipartUpload(c -> c.bucket("music").key("uploads/multi.wav")).uploadId();
            String eTag = s3.uploadPart(u -> u.bucket("music").key("uploads/multi.wav").uploadId(uploadId).partNumber(1),
                    RequestBody.fromString("part")).eTag();
            s3.completeMultipartUpload(c -> c.bucket("music").key("uploads/multi.wav").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
            s3.getObjectAsBytes(g -> g.bucket("music").key("uploads/put.wav"));
            s3.deleteObject(d -> d.bucket("music").key("uploads/copy.wav"));

            assertEquals(List.of("music/uploads/put.wav", "music/uploads/copy.wav", "music/uploads/multi.wav"), written);
        }
    }

    @Test
    void aFailingListenerDoesNotFailTheWrite() {
        try (EmbeddedS3 server = transientServer().onObjectWritten((bucket, key) -> {
            throw new IllegalStateException("listener broke");
        }).build().start(); S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("music"));
            s3.putObject(p -> p.bucket("music").key("uploads/a.wav"), RequestBody.fromString("still stored"));
            assertEquals("still stored", s3.getObjectAsBytes(g -> g.bucket("music").key("uploads/a.wav")).asUtf8String());
        }
    }

    @Test
    void startAndStopAreIdempotentAndAFreePortIsChosen() {
        ServerChecks.startAndStopAreIdempotent(transientServer().build());
    }

    @Test
    void saysWhichPortIsTaken() throws Exception {
        ServerChecks.saysWhichPortIsTaken(port -> transientServer().port(port).build());
    }

    private static EmbeddedS3.Builder transientServer() {
        return EmbeddedS3.builder().transientStorage().credentials("test-key", "test-secret-" + System.nanoTime());
    }

    @Test
    void anUploadInterruptedByAKillIsGoneAfterARestart(@TempDir Path root) throws Exception {
        try (EmbeddedS3 server = filesystemServer(root).start(); S3Client s3 = Clients.s3(server)) {
            s3.createBucket(b -> b.bucket("music"));
            s3.putObject(p -> p.bucket("music").key("verdicts/done.json"), RequestBody.fromString("{}"));
        }
        // What S3Proxy leaves beside the final file when killed in the middle of a PUT.
        Path partial = root.resolve("music/verdicts/cut.json-3f6c2a1e-9b7d-4c2e-8f1a-0d5e6b7c8a90");
        Files.writeString(partial, "{\"genre\":");

        try (EmbeddedS3 server = filesystemServer(root).start(); S3Client s3 = Clients.s3(server)) {
            List<String> keys = s3.listObjectsV2(l -> l.bucket("music").prefix("verdicts/")).contents().stream()
                    .map(S3Object::key).toList();
            assertEquals(List.of("verdicts/done.json"), keys);
        }
        assertFalse(Files.exists(partial));
    }

    private static EmbeddedS3 filesystemServer(Path root) {
        return EmbeddedS3.builder().filesystem(root).credentials("test-key", "test-secret").build();
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
