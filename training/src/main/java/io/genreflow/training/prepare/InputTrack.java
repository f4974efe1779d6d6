package io.genreflow.training.prepare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One labelled audio file to prepare.
 *
 * @param file  where the file is
 * @param path  the path as the input gives it (relative to the input folder, or the manifest's text)
 * @param label index of the track's label in {@link TrackList#labels()}
 * @param group the track's group (e.g. artist), or empty when it has none
 */
public record InputTrack(Path file, String path, int label, String group) {

    /** Hex digits of the id. */
    private static final int ID_LENGTH = 16;

    public InputTrack {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(group, "group");
        if (label < 0) {
            throw new IllegalArgumentException("label index must not be negative, got " + label);
        }
    }

    /** A stable id derived from {@link #path()} alone: the first 16 hex digits of its SHA-256. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
