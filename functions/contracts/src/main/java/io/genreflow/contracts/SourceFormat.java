package io.genreflow.contracts;

/** The container/codec of an input file, as detected from its bytes (never from its name). */
public enum SourceFormat {
    WAV("WAV"),
    AU("Sun AU"),
    AIFF("AIFF"),
    FLAC("FLAC"),
    MP3("MP3"),
    OGG_VORBIS("Ogg Vorbis");

    private final String displayName;

    SourceFormat(String displayName) {
        this.displayName = displayName;
    }

    /** Name for messages shown to users, e.g. "Ogg Vorbis". */
    public String displayName() {
        return displayName;
    }
}
