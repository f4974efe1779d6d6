package io.genreflow.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Music-like audio the end-to-end tests upload: a melody of tones over a decaying noise beat, with
 * a quieter passage every few bars, written as a 16-bit mono WAV file.
 */
final class SyntheticMusic {

    static final int RATE = 22_050;

    private SyntheticMusic() {
    }

    /** {@code seconds} of music as a WAV file; {@code seed} varies melody and beat. */
    static byte[] wav(double seconds, long seed) {
        Random random = new Random(seed);
        int beat = RATE / 2;
        double[] scale = {220.0, 246.9, 277.2, 329.6, 370.0, 440.0};
        int[] melody = random.ints(16, 0, scale.length).toArray();
        short[] samples = new short[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            int beatIndex = i / beat;
            double pitch = scale[melody[beatIndex % melody.length]];
            double t = (double) i / RATE;
            double burst = Math.exp(-(i % beat) / (0.03 * RATE)) * random.nextGaussian();
            double passage = (beatIndex / 16) % 3 == 2 ? 0.4 : 1.0;
            double y = passage * (0.3 * Math.sin(2 * Math.PI * pitch * t) + 0.1 * Math.sin(2 * Math.PI * 2 * pitch * t)
                    + 0.2 * burst);
            samples[i] = (short) Math.round(Math.max(-1, Math.min(1, y)) * 32767);
        }
        return wav(samples);
    }

    /** A 16-bit mono WAV file of {@code samples}. */
    static byte[] wav(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        for (short sample : samples) {
            b.putShort(sample);
        }
        return b.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
