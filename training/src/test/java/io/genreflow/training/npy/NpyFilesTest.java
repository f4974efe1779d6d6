package io.genreflow.training.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesTheBytesNumpySaveWrites() throws IOException {
        Path file = folder.resolve("a.npy");
        try (NpyWriter writer = NpyWriter.create(file, 3, 4)) {
            for (int row = 0; row < 2; row++) {
                float[][] matrix = new float[3][4];
                for (int i = 0; i < 12; i++) {
                    matrix[i / 4][i % 4] = row * 12 + i;
                }
                writer.write(matrix);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // What np.save(f, np.arange(24, dtype=np.float16).reshape(2, 3, 4)) writes (numpy 2.4).
        String numpyHeader = "{'descr': '<f2', 'fortran_order': False, 'shape': (2, 3, 4), }";
        assertEquals(128 + 24 * 2, bytes.length);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0}, Arrays.copyOf(bytes, 10));
        String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
        assertEquals(numpyHeader + " ".repeat(118 - numpyHeader.length() - 1) + "\n", header);
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, 48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 24; i++) {
            assertEquals(i, Float.float16ToFloat(data.getShort()));
        }
    }

    @Test
    void readsBackWhatItWroteRoundedToFloat16() throws IOException {
        Path file = folder.resolve("b.npy");
        float[][][] rows = new float[5][7][3];
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < 7; t++) {
                for (int f = 0; f < 3; f++) {
                    rows[r][t][f] = (float) Math.sin(r * 31 + t * 7 + f) * 100;
                }
            }
        }
        try (NpyWriter writer = NpyWriter.create(file, 7, 3)) {
            for (float[][] row : rows) {
                writer.write(row);
            }
            assertEquals(5, writer.rows());
        }
        try (NpyReader reader = NpyReader.open(file)) {
            assertEquals(new NpyHeader("<f2", false, new long[] {5, 7, 3}), reader.header());
            for (int r : new int[] {4, 0, 2}) {
                float[][] read = reader.row(r);
                for (int t = 0; t < 7; t++) {
                    for (int f = 0; f < 3; f++) {
                        float expected = rows[r][t][f];
                        assertEquals(Float.float16ToFloat(Float.floatToFloat16(expected)), read[t][f]);
                        assertEquals(expected, read[t][f], Math.abs(expected) / 1024);
                    }
                }
            }
            assertThrows(IndexOutOfBoundsException.class, () -> reader.row(5));
        }
    }

    @Test
    void readsFloat32ArraysOfTwoAndThreeDimensionsAsNumpySavesThem() throws IOException {
        // float32 arange(6).reshape(3, 2) and arange(12).reshape(2, 3, 2): the trainer saves its parity logits and inputs so.
        Path logits = float32(folder.resolve("logits.npy"), 3, 2);
        Path inputs = float32(folder.resolve("inputs.npy"), 2, 3, 2);

        try (NpyReader reader = NpyReader.open(logits)) {
            assertEquals(3, reader.rows());
            assertArrayEquals(new float[] {4, 5}, reader.values(2));
            assertArrayEquals(new float[][] {{2, 3}}, reader.row(1));
        }
        try (NpyReader reader = NpyReader.open(inputs)) {
            assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11}, reader.values(1));
            assertArrayEquals(new float[][] {{6, 7}, {8, 9}, {10, 11}}, reader.row(1));
        }
        Path vector = float32(folder.resolve("vector.npy"), 4);
        assertTrue(assertThrows(IOException.class, () -> NpyReader.open(vector)).getMessage()
                .contains("1-dimensional array [4]; a C-order [rows, steps, features] or [rows, features] array is read"));
    }

    /** A float32 array of the given shape holding 0, 1, 2, ... in C order. */
    private static Path float32(Path file, long... shape) throws IOException {
        NpyHeader header = new NpyHeader("<f4", false, shape);
        ByteBuffer bytes = ByteBuffer.allocate(NpyHeader.ENCODED_LENGTH + 4 * (int) header.elementCount())
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(header.encode());
        for (int i = 0; i < header.elementCount(); i++) {
            bytes.putFloat(i);
        }
        return Files.write(file, bytes.array());
    }

    @Test
    void anEmptyArrayIsValid() throws IOException {
        Path file = folder.resolve("empty.npy");
        NpyWriter.create(file, 2, 2).close();
        try (NpyReader reader = NpyReader.open(file)) {
            assertEquals(0, reader.rows());
        }
        assertEquals(NpyHeader.ENCODED_LENGTH, Files.size(file));
    }

    @Test
    void refusesRowsOfAnotherShape() throws IOException {
        try (NpyWriter writer = NpyWriter.create(folder.resolve("c.npy"), 2, 2)) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(new float[3][2]));
            assertThrows(IllegalArgumentException.class, () -> writer.write(new float[][] {{1, 2}, {3}}));
        }
    }

    @Test
    void explainsFilesItCannotRead() throws IOException {
        Path text = Files.writeString(folder.resolve("text.npy"), "hello, this is not numpy");
        assertTrue(assertThrows(IOException.class, () -> NpyReader.open(text)).getMessage().contains("not a .npy file"));

        Path truncated = folder.resolve("truncated.npy");
        try (NpyWriter writer = NpyWriter.create(truncated, 4, 4)) {
            writer.write(new float[4][4]);
            writer.write(new float[4][4]);
        }
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 1));
        assertTrue(assertThrows(IOException.class, () -> NpyReader.open(truncated)).getMessage().contains("truncated"));

        Path ints = folder.resolve("ints.npy");
        byte[] header = new NpyHeader("<i4", false, new long[] {1, 1, 1}).encode();
        Files.write(ints, Arrays.copyOf(header, header.length + 4));
        assertTrue(assertThrows(IOException.class, () -> NpyReader.open(ints)).getMessage().contains("'<i4'"));
    }
}
