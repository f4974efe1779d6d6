package io.genreflow.pipeline;

import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.ResamplingStream;
import io.genreflow.model.ModelException;
import io.genreflow.model.ModelManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Test material for the pipeline stages: music-like synthetic signals, WAV files built from them
 * byte by byte, the real-shaped test models, and the reference "decode + resample directly".
 */
final class TestTracks {

    static final int RATE = 22050;

    private TestTracks() {
    }

    /** The manifest of the four real-shaped test models (made by fixtures-src/make-test-models.py). */
    static Path pipelineManifest() {
        try {
            return Path.of(TestTracks.class.getResource("/models/pipeline-manifest.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ModelManifest manifest() {
        try {
            return ModelManifest.read(pipelineManifest());
        } catch (ModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A few seconds of something music-like at {@code rate}: two tones whose pitch changes every
     * half second, and noise bursts on a beat, ending in {@code silentTail} seconds of digital silence.
     */
    static float[] music(double seconds, double silentTail, int rate, long seed) {
        Random random = new Random(seed);
        float[] y = new float[(int) Math.round(seconds * rate)];
        int audible = (int) Math.round((seconds - silentTail) * rate);
        double[] pitches = {220, 247, 262, 294, 330, 349, 392, 440};
        int beat = rate / 4;
        for (int i = 0; i < audible; i++) {
            double pitch = pitches[(i / (rate / 2)) % pitches.length];
            double burst = Math.exp(-(i % beat) / (0.02 * rate)) * random.nextGaussian();
            y[i] = (float) (0.25 * Math.sin(2 * Math.PI * pitch * i / rate)
                    + 0.1 * Math.sin(2 * Math.PI * 1.5 * pitch * i / rate) + 0.15 * burst);
        }
        return y;
    }

    /** A 16-bit PCM WAV with the same signal in every channel. */
    static byte[] wav(float[] samples, int rate, int channels) {
        return wav(samples, rate, channels, false, new byte[0]);
    }

    /**
     * A 16-bit PCM WAV.
     *
     * @param unknownLength write the data size as 0xFFFFFFFF, as streaming writers do
     * @param trailing      bytes of a chunk after the data (e.g. a LIST chunk), possibly none
     */
    static byte[] wav(float[] samples, int rate, int channels, boolean unknownLength, byte[] trailing) {
        int dataBytes = samples.length * channels * 2;
        byte[] extra = trailing.length == 0 ? new byte[0] : chunk("LIST", trailing);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes + extra.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(unknownLength ? -1 : 36 + dataBytes + extra.length).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put(ascii("data")).putInt(unknownLength ? -1 : dataBytes);
        for (float sample : samples) {
            short value = (short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
            for (int c = 0; c < channels; c++) {
                b.putShort(value);
            }
        }
        return b.put(extra).array();
    }

    /** The samples AudioDecoder and ResamplingStream give for {@code file}, read in one go. */
    static float[] decodeDirectly(byte[] file, int rate) throws IOException {
        try (MonoAudioStream audio = new ResamplingStream(AudioDecoder.open(new ByteArrayInputStream(file)), rate)) {
            float[] samples = new float[1 << 16];
            int length = 0;
            for (int n; (n = audio.read(samples, length, samples.length - length)) >= 0; ) {
                length += n;
                if (length == samples.length) {
                    samples = Arrays.copyOf(samples, 2 * length);
                }
            }
            return Arrays.copyOf(samples, length);
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = TestTracks.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return b.put(ascii(id)).putInt(body.length).put(body).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
