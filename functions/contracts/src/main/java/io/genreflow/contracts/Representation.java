package io.genreflow.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The four views of a snippet that genreflow classifies; the id names queues, S3 keys and model files,
 * and is what JSON documents hold, so messages carry the type and read it back by its id.
 */
public enum Representation {
    LOGMEL("logmel"),
    SPECTROGRAM("spectrogram"),
    CHROMA("chroma"),
    WAVEFORM("waveform");

    private final String id;

    Representation(String id) {
        this.id = id;
    }

    /** Stable lower-case identifier used in queue names, object keys, manifests and JSON. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The representation with this id. */
    @JsonCreator
    public static Representation fromId(String id) {
        return Arrays.stream(values())
                .filter(r -> r.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown representation '" + id + "'; expected one of "
                                + Arrays.stream(values()).map(Representation::id).toList()));
    }
}
