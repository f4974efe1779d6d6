package io.genreflow.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Audio files made by the tests: a music-like signal (tones stepping over a noisy beat) or a plain
 * tone, as 16-bit WAV. Different seeds give different bytes, hence different ETags and track ids.
 */
public final class TestAudio {

    /** The models' sample rate, which {@link #musicWav} writes at. */
    public static final int RATE = 22_050;

    private TestAudio() {
    }

    /** {@code seconds} of the signal at {@code rate}; {@code seed} varies the beat's noise. */
    public static float[] music(double seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] y = new float[(int) Math.round(seconds * rate)];
        int beat = rate / 2;
        for (int i = 0; i < y.length; i++) {
            double pitch = 220 * Math.pow(2, ((i / beat) % 5) / 4.0);
            double burst = Math.exp(-(i % beat) / (0.02 * rate)) * random.nextGaussian();
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * pitch * i / rate)
                    + 0.1 * Math.sin(2 * Math.PI * 2.5 * pitch * i / rate) + 0.15 * burst);
        }
        return y;
    }

    /** {@code seconds} of the music-like signal as a mono WAV file at 22 050 Hz. */
    public static byte[] musicWav(double seconds, long seed) {
        return wav(music(seconds, RATE, seed), RATE, 1);
    }

    /** {@code seconds} of a sine tone at {@code hertz} as a mono WAV file sampled at {@code rate}. */
    public static byte[] toneWav(double seconds, double hertz, int rate) {
        float[] y = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * hertz * i / rate));
        }
        return wav(y, rate, 1);
    }

    /** A 16-bit PCM WAV file holding {@code samples} in each of {@code channels}. */
    public static byte[] wav(float[] samples, int rate, int channels) {
        int dataBytes = samples.length * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        for (float sample : samples) {
            short value = (short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
            for (int c = 0; c < channels; c++) {
                b.putShort(value);
            }
        }
        return b.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
