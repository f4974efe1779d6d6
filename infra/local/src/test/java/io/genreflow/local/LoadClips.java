package io.genreflow.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Music-like clips for the load, restart and benchmark runs: tones stepping over a noisy beat, as
 * 16-bit mono WAV at 22 050 Hz. The seed changes the pitch and the noise, so every clip has its own
 * bytes (and so its own ETag and track id).
 */
final class LoadClips {

    static final int SAMPLE_RATE = 22_050;

    private LoadClips() {
    }

    /** A WAV file of {@code seconds} of the signal drawn from {@code seed}. */
    static byte[] wav(double seconds, long seed) {
        Random random = new Random(seed);
        int samples = (int) Math.round(seconds * SAMPLE_RATE);
        int beat = SAMPLE_RATE / 2;
        double root = 110 + random.nextInt(220);
        int dataBytes = samples * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            double pitch = root * Math.pow(2, ((i / beat) % 5) / 4.0);
            double burst = Math.exp(-(i % beat) / (0.02 * SAMPLE_RATE)) * random.nextGaussian();
            double y = 0.3 * Math.sin(2 * Math.PI * pitch * i / SAMPLE_RATE)
                    + 0.1 * Math.sin(2 * Math.PI * 2.5 * pitch * i / SAMPLE_RATE) + 0.15 * burst;
            wav.putShort((short) Math.round(Math.max(-1, Math.min(1, y)) * 32767));
        }
        return wav.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
