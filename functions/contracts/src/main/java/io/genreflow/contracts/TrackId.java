package io.genreflow.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A track's id: derived from the uploaded object version, so every function computes the same id
 * for the same upload without coordinating, and redelivered events land on the same keys.
 *
 * <p>The id is the first 20 lowercase hex digits (80 bits) of SHA-256 over the bucket, the key and
 * the object version: its version id when the bucket is versioned, else its ETag (without the
 * quotes S3's API puts around it; the literal version id "null" that unversioned objects report
 * counts as none). Each field is length-prefixed before hashing, so no two different inputs can
 * run together into the same bytes. Re-uploading a key makes a new version and so a new track.
 *
 * <p>In JSON a track id is its bare string.
 */
public record TrackId(@JsonValue String value) {

    /** Hex digits kept from the digest. */
    public static final int LENGTH = 20;

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    public TrackId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "track id must be " + LENGTH + " lowercase hex digits, got '" + value + "'");
        }
    }

    /** A track id read from a key, a message or a user. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TrackId parse(String value) {
        return new TrackId(value);
    }

    /**
     * The id of one object version.
     *
     * @param versionId the S3 version id, or null / "null" in an unversioned bucket
     * @param eTag      the object's ETag, quoted or not; used when there is no version id
     */
    public static TrackId derive(String bucket, String key, String versionId, String eTag) {
        String version = SourceObject.normaliseVersionId(versionId);
        String tag = SourceObject.normaliseETag(eTag);
        if (version == null && tag == null) {
            throw new IllegalArgumentException("object " + key + " has neither a version id nor an ETag;"
                    + " cannot tell its versions apart");
        }
        MessageDigest sha256 = sha256();
        field(sha256, Checks.text(bucket, "bucket"));
        field(sha256, Checks.text(key, "object key"));
        field(sha256, version != null ? "versionId" : "eTag");
        field(sha256, version != null ? version : tag);
        return new TrackId(HexFormat.of().formatHex(sha256.digest()).substring(0, LENGTH));
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
