package io.genreflow.bench;

import java.io.InputStream;

/**
 * A 16-bit PCM WAV file of any length, generated as it is read, so hour-long inputs need neither
 * disk nor memory: ten seconds of a chord with noise (different in each channel) repeat to the end.
 */
final class SyntheticWav extends InputStream {

    private static final int HEADER_BYTES = 44;
    private static final int LOOP_SECONDS = 10;

    private final long totalBytes;
    private final byte[] header;
    private final byte[] loop;
    private long position;

    SyntheticWav(int sampleRate, int channels, double seconds) {
        long dataBytes = Math.round(seconds * sampleRate) * channels * 2L;
        if (dataBytes + 36 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a RIFF WAV holds at most 4 GiB; " + seconds + " s is too long");
        }
        this.totalBytes = HEADER_BYTES + dataBytes;
        this.header = header(sampleRate, channels, dataBytes);
        this.loop = loop(sampleRate, channels);
    }

    /** Size of the whole file in bytes. */
    long totalBytes() {
        return totalBytes;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= totalBytes) {
            return -1;
        }
        int n = (int) Math.min(length, totalBytes - position);
        int done = 0;
        while (done < n) {
            long at = position + done;
            int chunk;
            if (at < HEADER_BYTES) {
                chunk = (int) Math.min(n - done, HEADER_BYTES - at);
                System.arraycopy(header, (int) at, buffer, offset + done, chunk);
            } else {
                int inLoop = (int) ((at - HEADER_BYTES) % loop.length);
                chunk = Math.min(n - done, loop.length - inLoop);
                System.arraycopy(loop, inLoop, buffer, offset + done, chunk);
            }
            done += chunk;
        }
        position += n;
        return n;
    }

    private static byte[] loop(int sampleRate, int channels) {
        int frames = LOOP_SECONDS * sampleRate;
        byte[] bytes = new byte[frames * channels * 2];
        long noise = 0x9E3779B97F4A7C15L;
        for (int frame = 0; frame < frames; frame++) {
            double t = (double) frame / sampleRate;
            for (int channel = 0; channel < channels; channel++) {
                noise = noise * 6364136223846793005L + 1442695040888963407L;
                double value = 0.2 * Math.sin(2 * Math.PI * 220 * t)
                        + 0.15 * Math.sin(2 * Math.PI * (330 + channel) * t)
                        + ((noise >>> 40) / (double) (1L << 24) - 0.5) * 0.1;
                int sample = (int) Math.round(value * 32767);
                int at = (frame * channels + channel) * 2;
                bytes[at] = (byte) sample;
                bytes[at + 1] = (byte) (sample >> 8);
            }
        }
        return bytes;
    }

    private static byte[] header(int sampleRate, int channels, long dataBytes) {
        byte[] h = new byte[HEADER_BYTES];
        ascii(h, 0, "RIFF");
        le32(h, 4, dataBytes + 36);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le32(h, 20, 1 | (channels << 16));
        le32(h, 24, sampleRate);
        le32(h, 28, (long) sampleRate * channels * 2);
        le32(h, 32, (channels * 2) | (16 << 16));
        ascii(h, 36, "data");
        le32(h, 40, dataBytes);
        return h;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }
}
