package io.genreflow.training.prepare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit PCM WAV files for tests. */
final class TestWav {

    private TestWav() {
    }

    /** Writes {@code samples} (in [-1, 1]) to every one of {@code channels} channels at {@code rate}. */
    static void write(Path file, float[] samples, int rate, int channels) throws IOException {
        int dataBytes = samples.length * channels * 2;
        ByteBuffer bytes = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        bytes.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        bytes.put("data".getBytes()).putInt(dataBytes);
        for (float sample : samples) {
            short value = (short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
            for (int channel = 0; channel < channels; channel++) {
                bytes.putShort(value);
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.array());
    }
}
