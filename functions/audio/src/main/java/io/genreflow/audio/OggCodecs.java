package io.genreflow.audio;

/** Names the codec of an Ogg stream from the start of the first packet on its first page. */
final class OggCodecs {

    private static final int PAGE_HEADER_BYTES = 27;

    private OggCodecs() {
    }

    /**
     * The codec whose identification header opens the Ogg page at {@code off} ("vorbis", "Opus",
     * "FLAC", "Speex", "Theora"), or null when the page or codec is not recognised.
     */
    static String identify(byte[] b, int off, int length) {
        if (off + PAGE_HEADER_BYTES > length || !Bytes.isTag(b, off, length, "OggS")) {
            return null;
        }
        int packet = off + PAGE_HEADER_BYTES + (b[off + 26] & 0xFF);
        if (packet + 8 > length) {
            return null;
        }
        if (b[packet] == 0x01 && Bytes.isTag(b, packet + 1, length, "vorbis")) {
            return "vorbis";
        }
        if (Bytes.isTag(b, packet, length, "OpusHead")) {
            return "Opus";
        }
        if (b[packet] == 0x7F && Bytes.isTag(b, packet + 1, length, "FLAC")) {
            return "FLAC";
        }
        if (Bytes.isTag(b, packet, length, "Speex")) {
            return "Speex";
        }
        if ((b[packet] & 0xFF) == 0x80 && Bytes.isTag(b, packet + 1, length, "theora")) {
            return "Theora";
        }
        return null;
    }
}
