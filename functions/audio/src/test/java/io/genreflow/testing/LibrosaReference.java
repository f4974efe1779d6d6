package io.genreflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the librosa 0.11 golden outputs under {@code src/test/resources/librosa/} (copied from the
 * shared reference folder, same layout): JSON {@code data} arrays and the 16-bit test WAVs.
 */
public final class LibrosaReference {

    /** The three reference signals: tones plus chirp (3 s), white noise (3 s), C-major triad (1 s). */
    public static final String[] SIGNALS = {"a_tones_chirp", "b_noise", "c_cmajor"};

    private LibrosaReference() {
    }

    /** A 2-D {@code data} array, {@code [row][column]} exactly as stored (librosa: row = bin, column = frame). */
    public static double[][] matrix(String path) {
        JsonNode data = data(path);
        double[][] out = new double[data.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = vector(data.get(r));
        }
        return out;
    }

    /** A 1-D {@code data} array. */
    public static double[] vector(String path) {
        return vector(data(path));
    }

    /** The samples of {@code signals/<name>.wav} as {@code short / 32768}, what librosa computed from. */
    public static float[] signal(String name) {
        byte[] wav = bytes("signals/" + name + ".wav");
        ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        // scipy writes a plain 44-byte header: RIFF, fmt chunk of 16 bytes, then the data chunk.
        if (buffer.getInt(36) != 0x61746164 || buffer.getShort(20) != 1 || buffer.getShort(22) != 1 || buffer.getShort(34) != 16) {
            throw new IllegalStateException(name + ".wav is not the plain mono 16-bit PCM file expected");
        }
        int samples = buffer.getInt(40) / 2;
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = buffer.getShort(44 + 2 * i) / 32768f;
        }
        return y;
    }

    /** Sample rate of the reference WAVs. */
    public static int sampleRate(String name) {
        return ByteBuffer.wrap(bytes("signals/" + name + ".wav")).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
    }

    /** Converts a librosa {@code [bin][frame]} matrix to genreflow's time-major {@code [frame][bin]}. */
    public static double[][] timeMajor(double[][] binMajor) {
        double[][] out = new double[binMajor[0].length][binMajor.length];
        for (int r = 0; r < binMajor.length; r++) {
            for (int c = 0; c < binMajor[r].length; c++) {
                out[c][r] = binMajor[r][c];
            }
        }
        return out;
    }

    private static JsonNode data(String path) {
        try {
            return Json.mapper().readTree(bytes(path)).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static byte[] bytes(String path) {
        try (InputStream in = LibrosaReference.class.getResourceAsStream("/librosa/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource librosa/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
