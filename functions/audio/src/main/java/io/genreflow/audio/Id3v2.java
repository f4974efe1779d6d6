package io.genreflow.audio;

/** Recognises an ID3v2 tag (the metadata block MP3 files, and some FLAC files, start with). */
final class Id3v2 {

    static final int HEADER_BYTES = 10;
    private static final int FLAG_FOOTER = 0x10;

    private Id3v2() {
    }

    /**
     * Total size of the ID3v2 tag starting at {@code off}, header and optional footer included, or
     * -1 when the bytes there are not an ID3v2 tag header.
     */
    static long tagSize(byte[] b, int off, int length) {
        if (off + HEADER_BYTES > length || !Bytes.isTag(b, off, length, "ID3")) {
            return -1;
        }
        int major = b[off + 3] & 0xFF;
        int minor = b[off + 4] & 0xFF;
        if (major < 2 || major > 4 || minor == 0xFF) {
            return -1;
        }
        long size = 0;
        for (int i = 0; i < 4; i++) {
            int v = b[off + 6 + i] & 0xFF;
            if (v >= 0x80) {
                return -1;
            }
            size = size << 7 | v;
        }
        boolean footer = (b[off + 5] & FLAG_FOOTER) != 0;
        return HEADER_BYTES + size + (footer ? HEADER_BYTES : 0);
    }
}
