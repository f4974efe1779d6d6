package io.genreflow.embedded;

import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Makes writes to one key take turns and decides their {@code If-Match} and {@code If-None-Match}
 * in turn. S3Proxy checks a write's condition and then writes, with nothing between the two that
 * stops another writer, so two conditional writes naming the same version could both succeed and
 * one update be lost (ConditionalWritesTest showed it). S3 decides them atomically: one wins, the
 * other gets 412. Checking the condition again inside the turn gives the embedded server the same
 * guarantee, which read-modify-write documents rely on.
 */
final class SerialWrites extends ForwardingBlobStore {

    /** Locks shared by keys with the same hash: enough that unrelated keys rarely wait for each other. */
    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    SerialWrites(BlobStore delegate) {
        super(delegate);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        return inTurn(request.bucket(), request.key(), () -> {
            requireCondition(request.bucket(), request.key(), request.ifMatch(), request.ifNoneMatch());
            return super.putBlob(request, content);
        });
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return inTurn(request.destinationBucket(), request.destinationKey(), () -> super.copyBlob(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        return inTurn(upload.containerName(), upload.blobName(), () -> {
            requireCondition(upload.containerName(), upload.blobName(), request.ifMatch(), request.ifNoneMatch());
            return super.completeMultipartUpload(upload, request);
        });
    }

    /** Throws S3's 412 unless the object now there meets the write's condition; no condition always passes. */
    private void requireCondition(String bucket, String key, String ifMatch, String ifNoneMatch) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        HeadObjectResponse current = blobMetadataIfPresent(bucket, key);
        boolean met = ifMatch != null ? current != null && unquoted(current.eTag()).equals(unquoted(ifMatch))
                : current == null || !"*".equals(ifNoneMatch.trim());
        if (!met) {
            throw new S3ProxyException(S3ErrorCode.PRECONDITION_FAILED);
        }
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "").trim();
    }

    private <T> T inTurn(String bucket, String key, Supplier<T> write) {
        ReentrantLock lock = locks[Math.floorMod((bucket + '/' + key).hashCode(), STRIPES)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
