package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import java.io.IOException;
import java.io.InputStream;

/**
 * The input of one decoder: reads exactly, skips without buffering, and counts the bytes consumed so
 * that a stalled decoder can be told from one that is working through data. It also remembers a
 * failure of the underlying stream, so that a codec library's IOException can be told apart: the
 * source's own failures pass through unchanged, the library's complaints about the data do not.
 */
final class ByteInput {

    private final InputStream in;
    private final SourceFormat format;
    private long position;
    private IOException sourceFailure;

    ByteInput(InputStream in, SourceFormat format) {
        this.in = in;
        this.format = format;
    }

    /** Bytes consumed so far. */
    long position() {
        return position;
    }

    SourceFormat format() {
        return format;
    }

    /**
     * Reads until {@code length} bytes arrived or the input ended.
     *
     * @return the number of bytes read; less than {@code length} only at the end of the input
     */
    int readUpTo(byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = sourceRead(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    /** Reads exactly {@code length} bytes of the named structure or fails with TRUNCATED. */
    void readFully(byte[] buffer, int offset, int length, String what) throws IOException {
        int n = readUpTo(buffer, offset, length);
        if (n < length) {
            throw truncated(what);
        }
    }

    /**
     * Skips up to {@code count} bytes without holding them.
     *
     * @return the number of bytes skipped; less than {@code count} only at the end of the input
     */
    long skipUpTo(long count) throws IOException {
        long skipped = 0;
        try {
            while (skipped < count) {
                long n = in.skip(count - skipped);
                if (n <= 0) {
                    // skip() may return 0 before the end; one read tells whether data remains.
                    if (in.read() < 0) {
                        break;
                    }
                    n = 1;
                }
                skipped += n;
            }
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        position += skipped;
        return skipped;
    }

    /** Skips exactly {@code count} bytes of the named structure or fails with TRUNCATED. */
    void skipFully(long count, String what) throws IOException {
        if (skipUpTo(count) < count) {
            throw truncated(what);
        }
    }

    private int sourceRead(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
    }

    /** Whether {@code e} is, or was caused by, a failure of the underlying stream rather than of a codec. */
    boolean isSourceFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t == sourceFailure) {
                return true;
            }
        }
        return false;
    }

    AudioDecodeException truncated(String what) {
        return new AudioDecodeException(AudioDecodeException.Reason.TRUNCATED, format,
                "the file ends inside " + what + " (after " + position + " bytes); the file is truncated");
    }

    /** This input as a stream for the codec libraries; what they read is counted too. */
    InputStream asStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b;
                try {
                    b = in.read();
                } catch (IOException e) {
                    sourceFailure = e;
                    throw e;
                }
                if (b >= 0) {
                    position++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = sourceRead(buffer, offset, length);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    void close() throws IOException {
        in.close();
    }
}
