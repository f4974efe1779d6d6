package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class BlockMonoStreamTest {

    private static ByteInput input() {
        return new ByteInput(new ByteArrayInputStream(new byte[0]), SourceFormat.WAV);
    }

    @Test
    void codecThatStopsConsumingAndProducingIsStopped() throws IOException {
        try (BlockMonoStream stuck = new BlockMonoStream(input(), 8000, 1, -1, 16) {
            @Override
            int decodeBlock(float[] out) {
                return 0;
            }
        }) {
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> stuck.read(new float[4], 0, 4));
            assertEquals(Reason.CORRUPT_DATA, e.reason());
            assertMessageContains(e, "stopped making progress");
        }
    }

    @Test
    void libraryExceptionsBecomeCorruptDataWithThePosition() throws IOException {
        try (BlockMonoStream failing = new BlockMonoStream(input(), 1000, 1, -1, 16) {
            private int calls;

            @Override
            int decodeBlock(float[] out) {
                if (calls++ == 0) {
                    return 16;
                }
                throw new ArrayIndexOutOfBoundsException(99);
            }
        }) {
            float[] buffer = new float[64];
            assertEquals(16, failing.read(buffer, 0, 64));
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> failing.read(buffer, 0, 64));
            assertEquals(Reason.CORRUPT_DATA, e.reason());
            assertMessageContains(e, "WAV: ", "sample 16 (0.016 s)", "ArrayIndexOutOfBounds");
        }
    }

    /** A failure of the source itself is not the file's fault and must pass through unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"sawtooth-noise-16bit-stereo-44100.flac", "burst-lame-vbr-mono-22050.mp3", "burst-stereo-44100.ogg"})
    void sourceFailuresPassThroughUnchanged(String name) {
        IOException network = new IOException("connection reset");
        byte[] file = Decoded.resource(name);
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(file, file.length / 2)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw network;
                    }
                });

        assertSame(network, assertThrows(IOException.class, () -> Decoded.of(failing)));
    }
}
