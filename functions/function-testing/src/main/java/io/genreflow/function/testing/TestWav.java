package io.genreflow.function.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Audio files made by the tests. */
public final class TestWav {

    private TestWav() {
    }

    /** A mono 16-bit WAV of {@code seconds} of a tone at {@code hertz}, sampled at {@code rate}. */
    public static byte[] tone(double seconds, double hertz, int rate) {
        int samples = (int) Math.round(seconds * rate);
        int dataBytes = samples * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hertz * i / rate)));
        }
        return wav.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
