package io.genreflow.embedded;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.InputStream;

/**
 * The blob store S3Proxy serves, reporting each completed write to a listener: S3Proxy has no
 * bucket notifications, and watching the writes in-process tells about a new object the moment it
 * exists, without polling.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final System.Logger LOG = System.getLogger(NotifyingBlobStore.class.getName());
    /** S3Proxy's own bookkeeping object for a multipart upload in progress; no client ever sees it. */
    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final ObjectWriteListener listener;

    NotifyingBlobStore(BlobStore delegate, ObjectWriteListener listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        tell(request.bucket(), request.key());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        tell(request.destinationBucket(), request.destinationKey());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        tell(upload.containerName(), upload.blobName());
        return response;
    }

    private void tell(String bucket, String key) {
        if (key.startsWith(MULTIPART_STUB_PREFIX)) {
            return;
        }
        try {
            listener.objectWritten(bucket, key);
        } catch (RuntimeException e) {
            // The object is stored; a listener's trouble must not turn the client's write into an error.
            LOG.log(System.Logger.Level.WARNING, "object write listener failed for s3://" + bucket + "/" + key, e);
        }
    }
}
