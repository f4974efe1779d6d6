package io.genreflow.embedded;

/**
 * Told about every object the embedded S3 stored (a PUT, a copy, a completed multipart upload),
 * after it is stored and before the client gets its answer. Called on the server's request
 * thread: hand real work to another thread. What it throws is logged and does not fail the write.
 */
@FunctionalInterface
public interface ObjectWriteListener {

    /** {@code key} in {@code bucket} now holds a new object. */
    void objectWritten(String bucket, String key);
}
