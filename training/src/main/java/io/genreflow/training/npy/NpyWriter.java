package io.genreflow.training.npy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams matrices of one fixed shape {@code [steps][features]} into a float16 {@code .npy} file
 * of shape {@code [rows, steps, features]} (dtype {@code '<f2'}, C order), one row at a time, so
 * that no more than a buffer is ever held. The row count is not needed up front: the header is
 * written with a fixed length and its shape completed by {@link #close}.
 *
 * <p>Values are rounded to the nearest float16 (ties to even); magnitudes beyond 65504 become
 * infinite, which the features never reach (dB values and samples in [-1, 1]).
 */
public final class NpyWriter implements Closeable {

    /** NumPy's array-protocol name of little-endian float16. */
    public static final String FLOAT16 = "<f2";

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel file;
    private final int steps;
    private final int features;
    private final ByteBuffer buffer;
    private long rows;
    private boolean closed;

    private NpyWriter(FileChannel file, int steps, int features) {
        this.file = file;
        this.steps = steps;
        this.features = features;
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER_BYTES, 2 * features)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Creates (or truncates) {@code path} for rows of {@code steps × features} values. */
    public static NpyWriter create(Path path, int steps, int features) throws IOException {
        if (steps < 1 || features < 1) {
            throw new IllegalArgumentException("rows must have at least one step and feature, got " + steps + " x " + features);
        }
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        NpyWriter writer = new NpyWriter(file, steps, features);
        try {
            writer.writeAt(ByteBuffer.wrap(writer.header().encode()), 0);
            file.position(NpyHeader.ENCODED_LENGTH);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return writer;
    }

    /** Appends one row, {@code [steps][features]}. */
    public void write(float[][] row) throws IOException {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        if (row.length != steps) {
            throw new IllegalArgumentException("expected a row of " + steps + " steps, got " + row.length);
        }
        for (float[] step : row) {
            if (step.length != features) {
                throw new IllegalArgumentException("expected " + features + " features per step, got " + step.length);
            }
            if (buffer.remaining() < 2 * features) {
                drain();
            }
            for (float value : step) {
                buffer.putShort(Float.floatToFloat16(value));
            }
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Writes the buffered rows and the final shape, then closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            drain();
            writeAt(ByteBuffer.wrap(header().encode()), 0);
        }
    }

    private NpyHeader header() {
        return new NpyHeader(FLOAT16, false, new long[] {rows, steps, features});
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        buffer.clear();
    }

    private void writeAt(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += file.write(bytes, at);
        }
    }
}
