package io.genreflow.local.notifier;

import io.genreflow.contracts.SourceObject;

import java.time.Instant;
import java.util.HexFormat;

/**
 * One stored version of an upload, as a HEAD or a listing of the embedded S3 describes it.
 *
 * @param key          the object key
 * @param eTag         the ETag, quoted or not
 * @param sizeBytes    the size
 * @param lastModified when it was stored
 */
record UploadVersion(String key, String eTag, long sizeBytes, Instant lastModified) {

    /**
     * The object as an S3 event describes it. The embedded S3 keeps no versions, so the ETag tells
     * versions apart; the sequencer is the store time in whole seconds (what both HEAD and listings
     * report), so announcing the same version again always yields the same event, and a later upload
     * of the same key supersedes an earlier one unless both land within one second.
     */
    SourceObject source(String bucket) {
        String sequencer = HexFormat.of().withUpperCase().toHexDigits(lastModified.getEpochSecond());
        return new SourceObject(bucket, key, null, eTag, sizeBytes, sequencer);
    }
}
