package io.genreflow.audio;

/**
 * Finds where MPEG audio frames start. A single header is weak evidence (any 0xFFE sync pattern with
 * plausible fields passes), so a start only counts when several frames follow one another, each
 * beginning exactly where the previous one ends.
 */
final class MpegSync {

    /** Consecutive frames required; random bytes chain this far with probability below 1e-10. */
    static final int CHAIN_LENGTH = 4;

    private MpegSync() {
    }

    /**
     * Offset of the first frame of a chain in {@code b[from..length)}, or -1 when there is none.
     *
     * @param endOfFile whether {@code length} is the end of the file: a shorter chain then also
     *     counts if it ends exactly there or at an ID3v1 tag
     */
    static int firstFrame(byte[] b, int from, int length, boolean endOfFile) {
        for (int p = from; p + MpegFrameHeader.BYTES <= length; p++) {
            if ((b[p] & 0xFF) == 0xFF && chainsFrom(b, p, length, endOfFile)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean chainsFrom(byte[] b, int p, int length, boolean endOfFile) {
        MpegFrameHeader first = MpegFrameHeader.parse(b, p, length);
        if (first == null) {
            return false;
        }
        int q = p + first.frameBytes();
        for (int count = 1; count < CHAIN_LENGTH; count++) {
            if (endOfFile && (q == length || Bytes.isTag(b, q, length, "TAG"))) {
                return true;
            }
            MpegFrameHeader next = MpegFrameHeader.parse(b, q, length);
            if (next == null || !next.sameStreamAs(first)) {
                return false;
            }
            q += next.frameBytes();
        }
        return true;
    }
}
