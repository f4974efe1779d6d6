package io.genreflow.dashboard.tracks;

/**
 * The title and artist a file's own tags give, either possibly null.
 *
 * @param title  the title (ID3v2 TIT2, Vorbis TITLE, RIFF INAM)
 * @param artist the artist (ID3v2 TPE1, Vorbis ARTIST, RIFF IART)
 */
public record TrackTags(String title, String artist) {

    /** No tags found. */
    public static final TrackTags NONE = new TrackTags(null, null);

    /** Longest value kept: tags are free text of any length, a table cell is not. */
    static final int MAX_LENGTH = 200;

    public TrackTags {
        title = clean(title);
        artist = clean(artist);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }
}
