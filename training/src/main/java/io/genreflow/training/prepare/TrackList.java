package io.genreflow.training.prepare;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The labelled tracks to prepare, in the order their rows will appear, with the label names.
 *
 * @param labels label names in order; {@link InputTrack#label()} indexes this list
 * @param tracks the tracks, each path at most once
 */
public record TrackList(List<String> labels, List<InputTrack> tracks) {

    public TrackList {
        labels = List.copyOf(labels);
        tracks = List.copyOf(tracks);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("classification needs at least two labels, found " + labels);
        }
        Set<String> paths = new HashSet<>();
        for (InputTrack track : tracks) {
            if (track.label() >= labels.size()) {
                throw new IllegalArgumentException("track " + track.path() + " has label index " + track.label() + " of "
                        + labels.size() + " labels");
            }
            if (!paths.add(track.path())) {
                throw new IllegalArgumentException("track " + track.path() + " is listed twice");
            }
        }
    }

    /** Label index of every track, in track order. */
    public int[] labelIndices() {
        return tracks.stream().mapToInt(InputTrack::label).toArray();
    }

    /** Group of every track, in track order (empty for none). */
    public List<String> groups() {
        return tracks.stream().map(InputTrack::group).toList();
    }

    /** SHA-256 over labels, paths and groups: tells whether two runs were given the same tracks. */
    public String digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String label : labels) {
                sha256.update(("label\t" + label + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (InputTrack track : tracks) {
                sha256.update(("track\t" + track.path() + "\t" + track.label() + "\t" + track.group() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
