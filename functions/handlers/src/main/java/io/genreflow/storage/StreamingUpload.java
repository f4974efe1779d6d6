package io.genreflow.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one S3 object from a stream of unknown length holding at most one part in memory: a
 * single PUT when everything fits in one part, a multipart upload otherwise. Nothing appears in
 * the bucket until {@link #commit()}; closing without committing abandons the upload (and aborts a
 * started multipart upload), so a failed writer leaves no partial object behind.
 */
public final class StreamingUpload extends OutputStream {

    /** S3's smallest part other than the last. */
    public static final int MIN_PART_BYTES = 5 << 20;

    private static final int INITIAL_BUFFER_BYTES = 64 << 10;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partBytes;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buffer;
    private int buffered;
    private String uploadId;
    private boolean finished;

    StreamingUpload(S3Client s3, String bucket, String key, int partBytes) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = Objects.requireNonNull(key, "key");
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("parts must be at least " + MIN_PART_BYTES + " bytes, got " + partBytes);
        }
        this.partBytes = partBytes;
        // Short tracks stay short in memory: the buffer grows towards a part only as bytes arrive.
        this.buffer = new byte[Math.min(INITIAL_BUFFER_BYTES, partBytes)];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        requireOpen();
        while (length > 0) {
            if (buffered == partBytes) {
                uploadPart();
            }
            if (buffered == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(2 * buffer.length, partBytes));
            }
            int n = Math.min(length, buffer.length - buffered);
            System.arraycopy(bytes, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            length -= n;
        }
    }

    /** Makes the object appear with everything written; the stream is closed afterwards. */
    public void commit() throws IOException {
        requireOpen();
        if (uploadId == null) {
            s3.putObject(b -> b.bucket(bucket).key(key), bufferedBody());
        } else {
            if (buffered > 0) {
                uploadPart();
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        }
        finished = true;
    }

    /** Abandons the upload unless it was committed. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            if (uploadId != null) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            }
        }
    }

    private void uploadPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        }
        int number = parts.size() + 1;
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                bufferedBody()).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
        buffered = 0;
    }

    /** The buffered bytes, uncopied: each request completes before the buffer is written again. */
    private RequestBody bufferedBody() {
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, buffered), buffered);
    }

    private void requireOpen() throws IOException {
        if (finished) {
            throw new IOException("the upload of " + key + " is already committed or closed");
        }
    }
}
