package io.genreflow.contracts;

/**
 * One version of an uploaded object, as an S3 event notification describes it.
 *
 * <p>Stored normalised, so the same version always compares and serialises the same way whether
 * it came from an event (ETag unquoted) or from the S3 API (ETag quoted, version id "null" in
 * unversioned buckets).
 *
 * @param bucket    the bucket name
 * @param key       the object key, decoded (events carry it URL-encoded)
 * @param versionId the version id, or null in an unversioned bucket
 * @param eTag      the ETag without quotes, or null when unknown
 * @param sizeBytes the object size
 * @param sequencer S3's event sequencer for this key, or null when the object was not seen through an event
 */
public record SourceObject(String bucket, String key, String versionId, String eTag, long sizeBytes,
                           String sequencer) {

    public SourceObject {
        Checks.text(bucket, "bucket");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key is missing");
        }
        versionId = normaliseVersionId(versionId);
        eTag = normaliseETag(eTag);
        if (versionId == null && eTag == null) {
            throw new IllegalArgumentException("object " + key + " has neither a version id nor an ETag;"
                    + " cannot tell its versions apart");
        }
        Checks.nonNegative(sizeBytes, "object size");
        if (sequencer != null && !sequencer.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("sequencer '" + sequencer + "' is not hexadecimal");
        }
    }

    /** The id of the track made from this object version. */
    public TrackId trackId() {
        return TrackId.derive(bucket, key, versionId, eTag);
    }

    /**
     * Whether this version was written after {@code other}, by S3's sequencer rule: for the same
     * bucket and key, pad the shorter sequencer with leading zeros and compare as text.
     * False when either has no sequencer or they are different objects, since then order is unknown.
     */
    public boolean supersedes(SourceObject other) {
        if (sequencer == null || other.sequencer == null || !bucket.equals(other.bucket) || !key.equals(other.key)) {
            return false;
        }
        int width = Math.max(sequencer.length(), other.sequencer.length());
        return padded(sequencer, width).compareToIgnoreCase(padded(other.sequencer, width)) > 0;
    }

    private static String padded(String hex, int width) {
        return "0".repeat(width - hex.length()) + hex;
    }

    /** Null for absent version ids, including the literal "null" S3 reports for unversioned objects. */
    static String normaliseVersionId(String versionId) {
        return versionId == null || versionId.isEmpty() || versionId.equals("null") ? null : versionId;
    }

    /** Strips the quotes the S3 API wraps ETags in; null for an absent ETag. */
    static String normaliseETag(String eTag) {
        if (eTag == null) {
            return null;
        }
        String bare = eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
        return bare.isEmpty() ? null : bare;
    }
}
