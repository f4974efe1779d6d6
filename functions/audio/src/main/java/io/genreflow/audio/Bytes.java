package io.genreflow.audio;

/** Reads unsigned integers of either byte order out of a byte array; headers of every format use these. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16le(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int u16be(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    static long u32le(byte[] b, int off) {
        return (u16le(b, off) | (long) u16le(b, off + 2) << 16);
    }

    static long u32be(byte[] b, int off) {
        return (long) u16be(b, off) << 16 | u16be(b, off + 2);
    }

    /** Little-endian unsigned 64-bit value; values above {@link Long#MAX_VALUE} come back negative. */
    static long u64le(byte[] b, int off) {
        return u32le(b, off) | u32le(b, off + 4) << 32;
    }

    /** True when the four bytes at {@code off} spell {@code id} in ASCII (chunk ids, magic numbers). */
    static boolean isTag(byte[] b, int off, int length, String id) {
        if (off + id.length() > length) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (b[off + i] != (byte) id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Four-character code for messages, with unprintable bytes shown as '?'. */
    static String fourCc(byte[] b, int off) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = b[off + i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }
}
