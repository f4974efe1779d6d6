package io.genreflow.pipeline;

import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.ResamplingStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The reference "decode + resample directly" the streaming stages are compared with, and the
 * committed audio fixtures.
 */
public final class TestTracks {

    private TestTracks() {
    }

    /** The samples AudioDecoder and ResamplingStream give for {@code file}, read in one go. */
    public static float[] decodeDirectly(byte[] file, int rate) throws IOException {
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

    public static byte[] resource(String path) {
        try (InputStream in = TestTracks.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
