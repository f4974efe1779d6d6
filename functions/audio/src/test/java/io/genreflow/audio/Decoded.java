package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Everything a stream produced, for assertions; tests only, where signals are short. */
record Decoded(SourceFormat format, int sampleRate, int sourceChannels, long declaredLength, float[] samples) {

    static Decoded of(byte[] file) throws IOException {
        return of(new ByteArrayInputStream(file));
    }

    static Decoded of(InputStream in) throws IOException {
        try (MonoAudioStream stream = AudioDecoder.open(in)) {
            float[] all = new float[1024];
            int n = 0;
            float[] buffer = new float[1000];
            int read;
            while ((read = stream.read(buffer, 0, buffer.length)) > 0) {
                if (n + read > all.length) {
                    all = Arrays.copyOf(all, 2 * (n + read));
                }
                System.arraycopy(buffer, 0, all, n, read);
                n += read;
            }
            return new Decoded(stream.format(), stream.sampleRate(), stream.sourceChannels(),
                    stream.declaredLength(), Arrays.copyOf(all, n));
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Decoded.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /audio/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
