package io.genreflow.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hides the tags an MP3 file ends with, ID3v1 ("TAG", 128 bytes) and APEv2 (footer "APETAGEX"),
 * from jlayer. jlayer accepts a frame only when the next frame header or the end of the input
 * follows it, so it drops the last audio frame before such a tag. The last {@value #WINDOW} bytes
 * are held back until the end is known; an APEv2 tag longer than that (large cover art) stays, and
 * the frame before it is lost.
 */
final class TrailingTagFilter extends InputStream {

    static final int WINDOW = 64 * 1024;
    private static final int ID3V1_BYTES = 128;
    private static final int APE_FOOTER_BYTES = 32;
    private static final long APE_HAS_HEADER = 0x80000000L;

    private final InputStream in;
    private final byte[] buffer = new byte[2 * WINDOW];
    private int start;
    private int end;
    private boolean ended;

    TrailingTagFilter(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int releasable = ended ? end - start : end - start - WINDOW;
            if (releasable > 0) {
                int n = Math.min(len, releasable);
                System.arraycopy(buffer, start, b, off, n);
                start += n;
                return n;
            }
            if (ended) {
                return -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            ended = true;
            end -= trailingTagBytes(buffer, end);
        } else {
            end += n;
        }
    }

    /** Length of the ID3v1 and APEv2 tags at the end of {@code b[0..length)}. */
    static int trailingTagBytes(byte[] b, int length) {
        int tags = 0;
        if (length >= ID3V1_BYTES && Bytes.isTag(b, length - ID3V1_BYTES, length, "TAG")) {
            tags += ID3V1_BYTES;
        }
        int footer = length - tags - APE_FOOTER_BYTES;
        if (footer >= 0 && Bytes.isTag(b, footer, length, "APETAGEX")) {
            long size = Bytes.u32le(b, footer + 12);
            long tag = size + ((Bytes.u32le(b, footer + 20) & APE_HAS_HEADER) != 0 ? APE_FOOTER_BYTES : 0);
            if (tag <= length - tags) {
                tags += (int) tag;
            }
        }
        return tags;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
