package io.genreflow.dashboard.upload;

import io.genreflow.contracts.S3Keys;

import java.util.Locale;
import java.util.Map;

/**
 * What the upload page may sign: a valid upload name with an audio extension the decoder reads,
 * a size from 1 byte to the limit, and a media type matching the extension. A file outside these
 * is refused with the reason before any of its bytes is sent.
 */
public final class UploadPolicy {

    /** Extension to the media type the signed request fixes for it. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"), Map.entry("flac", "audio/flac"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("au", "audio/basic"),
            Map.entry("snd", "audio/basic"), Map.entry("aif", "audio/aiff"), Map.entry("aiff", "audio/aiff"),
            Map.entry("aifc", "audio/aiff"));

    private final long maxBytes;

    public UploadPolicy(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * An accepted file.
     *
     * @param key         where it will be stored
     * @param sizeBytes   its exact size, which the signature fixes
     * @param contentType the media type the signature fixes
     */
    public record Accepted(String key, long sizeBytes, String contentType) {
    }

    /**
     * Checks a file the browser describes. The browser's own type is only a hint (browsers report
     * "" or audio/x-wav for the same file); the signed type comes from the extension.
     *
     * @throws IllegalArgumentException saying why the file is refused
     */
    public Accepted check(String name, long sizeBytes, String browserType) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the file has no name");
        }
        String key;
        try {
            key = S3Keys.upload(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' cannot be an upload name: " + e.getMessage(), e);
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new IllegalArgumentException("'" + name + "' is not a supported audio file: the name must end in "
                    + TYPES.keySet().stream().sorted().map(e -> "." + e).toList());
        }
        if (browserType != null && !browserType.isBlank() && !browserType.toLowerCase(Locale.ROOT).startsWith("audio/")
                && !browserType.equals("application/octet-stream") && !browserType.equals("video/ogg")) {
            throw new IllegalArgumentException("'" + name + "' is " + browserType + ", not audio");
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("'" + name + "' is empty");
        }
        if (sizeBytes > maxBytes) {
            throw new IllegalArgumentException("'" + name + "' is " + sizeBytes + " bytes; the limit is " + maxBytes
                    + " bytes");
        }
        return new Accepted(key, sizeBytes, type);
    }
}
