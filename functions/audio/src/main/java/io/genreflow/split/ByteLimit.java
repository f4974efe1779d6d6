package io.genreflow.split;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from an upload and fails the read that goes past the limit. Decoders may
 * wrap that failure in their own, so the splitter asks {@link #exceeded()} to tell the real reason.
 * Closing it leaves the caller's stream open.
 */
final class ByteLimit extends FilterInputStream {

    private final long maxBytes;
    private long count;
    private boolean exceeded;

    ByteLimit(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    /** Bytes read (or skipped) so far. */
    long count() {
        return count;
    }

    /** Whether a read went past the limit. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The upload's stream belongs to the caller.
    }

    private void counted(long bytes) throws IOException {
        count += bytes;
        if (count > maxBytes) {
            exceeded = true;
            throw new IOException("read past the limit of " + maxBytes + " bytes");
        }
    }
}
