package io.genreflow.training.npy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads rows of a float {@code .npy} array {@code [rows, steps, features]} or {@code [rows, features]}
 * (little-endian float16 or float32, C order), one row at a time and in any order, without
 * loading the file: shards of spectrograms run to gigabytes. A two-dimensional array reads as rows
 * of a single step, e.g. a model's logits {@code [snippets, labels]}.
 */
public final class NpyReader implements Closeable {

    private final FileChannel file;
    private final String name;
    private final NpyHeader header;
    private final long dataOffset;
    private final int elementBytes;
    private final int steps;
    private final int features;

    private NpyReader(FileChannel file, String name, NpyHeader header, long dataOffset) throws IOException {
        this.file = file;
        this.name = name;
        this.header = header;
        this.dataOffset = dataOffset;
        elementBytes = switch (header.descr()) {
            case "<f2" -> 2;
            case "<f4" -> 4;
            default -> throw new IOException(name + " holds '" + header.descr() + "' elements; float16 ('<f2') or float32 ('<f4') are read");
        };
        long[] shape = header.shape();
        if (header.fortranOrder() || shape.length < 2 || shape.length > 3) {
            throw new IOException(name + " holds a " + (header.fortranOrder() ? "Fortran-order " : "") + shape.length
                    + "-dimensional array " + Arrays.toString(shape) + "; a C-order [rows, steps, features] or"
                    + " [rows, features] array is read");
        }
        long rowSteps = shape.length == 3 ? shape[1] : 1;
        long rowFeatures = shape[shape.length - 1];
        if ((long) elementBytes * rowSteps * rowFeatures > Integer.MAX_VALUE) {
            throw new IOException(name + " has rows of " + rowSteps + " x " + rowFeatures + " values, too large to read at once");
        }
        steps = (int) rowSteps;
        features = (int) rowFeatures;
        long expected = dataOffset + header.elementCount() * elementBytes;
        if (file.size() < expected) {
            throw new IOException(name + " is " + file.size() + " bytes, its shape " + Arrays.toString(shape)
                    + " needs " + expected + "; the file is truncated");
        }
    }

    /** Opens {@code path} and checks its header and size. */
    public static NpyReader open(Path path) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
        try {
            NpyHeader.Parsed parsed = NpyHeader.read(file, path.toString());
            return new NpyReader(file, path.toString(), parsed.header(), parsed.dataOffset());
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public NpyHeader header() {
        return header;
    }

    public long rows() {
        return header.shape()[0];
    }

    /** Row {@code index} as {@code [steps][features]} floats (one step for a two-dimensional array). */
    public float[][] row(long index) throws IOException {
        float[] values = values(index);
        float[][] row = new float[steps][features];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(values, t * features, row[t], 0, features);
        }
        return row;
    }

    /** Row {@code index} as its {@code steps × features} floats in C order, as a model input buffer holds them. */
    public float[] values(long index) throws IOException {
        if (index < 0 || index >= rows()) {
            throw new IndexOutOfBoundsException("row " + index + " of " + name + ", which has " + rows() + " rows");
        }
        int rowBytes = elementBytes * steps * features;
        ByteBuffer bytes = ByteBuffer.allocate(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        long at = dataOffset + index * rowBytes;
        while (bytes.hasRemaining()) {
            int read = file.read(bytes, at + bytes.position());
            if (read < 0) {
                throw new IOException(name + " ends inside row " + index);
            }
        }
        bytes.flip();
        float[] values = new float[steps * features];
        for (int k = 0; k < values.length; k++) {
            values[k] = elementBytes == 2 ? Float.float16ToFloat(bytes.getShort()) : bytes.getFloat();
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
