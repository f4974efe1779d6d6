package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.assertDecodeFails;
import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static io.genreflow.audio.TestAudioFiles.au;
import static io.genreflow.audio.TestAudioFiles.doubles;
import static io.genreflow.audio.TestAudioFiles.floats;
import static io.genreflow.audio.TestAudioFiles.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AuDecodingTest {

    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    @Test
    void bigEndianLinearSamplesDecodeExactlyAfterTheAnnotation() throws IOException {
        byte[] data = ints(16, true, 16384, -32768, 8192, 0);
        byte[] file = au(3, 11025, 2, "made by a test\0\0".getBytes(), data.length, data);

        Decoded d = Decoded.of(file);

        assertEquals(SourceFormat.AU, d.format());
        assertEquals(11025, d.sampleRate());
        assertEquals(2, d.sourceChannels());
        assertEquals(2, d.declaredLength());
        assertArrayEquals(new float[] {-0.25f, 0.125f}, d.samples());
    }

    @Test
    void everyLinearAndFloatEncodingDecodes() throws IOException {
        assertArrayEquals(new float[] {-0.5f}, Decoded.of(au(2, 8000, 1, new byte[0], 1, new byte[] {-64})).samples());
        assertArrayEquals(new float[] {0.5f}, Decoded.of(au(4, 8000, 1, new byte[0], 3, ints(24, true, 1 << 22))).samples());
        assertArrayEquals(new float[] {-0.25f}, Decoded.of(au(5, 8000, 1, new byte[0], 4, ints(32, true, -(1 << 29)))).samples());
        assertArrayEquals(new float[] {0.75f}, Decoded.of(au(6, 8000, 1, new byte[0], 4, floats(true, 0.75f))).samples());
        assertArrayEquals(new float[] {-0.375f}, Decoded.of(au(7, 8000, 1, new byte[0], 8, doubles(true, -0.375))).samples());
    }

    @Test
    void muLawAndALawUseTheG711Tables() throws IOException {
        assertArrayEquals(new float[] {0f, 32124f / 32768},
                Decoded.of(au(1, 8000, 1, new byte[0], 2, new byte[] {(byte) 0xFF, (byte) 0x80})).samples());
        assertArrayEquals(new float[] {8f / 32768},
                Decoded.of(au(27, 8000, 1, new byte[0], 1, new byte[] {(byte) 0xD5})).samples());
    }

    @Test
    void unknownDataSizeRunsToTheEndOfTheFile() throws IOException {
        Decoded d = Decoded.of(au(3, 8000, 1, new byte[0], UNKNOWN_SIZE, ints(16, true, 100, 200, 300)));

        assertEquals(-1, d.declaredLength());
        assertEquals(3, d.samples().length);
    }

    @Test
    void truncatedDataFailsAsTruncated() {
        byte[] data = ints(16, true, new long[1000]);
        byte[] file = Arrays.copyOf(au(3, 8000, 1, new byte[0], data.length, data), 24 + 999);

        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.AU, file), "1000 sample frames", "after 499");
    }

    @Test
    void badHeadersAreReported() {
        byte[] adpcm = au(23, 8000, 1, new byte[0], 4, new byte[4]);
        byte[] noChannels = au(3, 8000, 0, new byte[0], 4, new byte[4]);
        byte[] noRate = au(3, 0, 1, new byte[0], 4, new byte[4]);
        byte[] farOffset = au(3, 8000, 1, new byte[0], 4, new byte[4]);
        farOffset[7] = 0x7F;
        farOffset[6] = 0x7F;

        assertMessageContains(assertDecodeFails(Reason.UNSUPPORTED_ENCODING, SourceFormat.AU, adpcm), "encoding 23");
        assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.AU, noChannels);
        assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.AU, noRate);
        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.AU, farOffset), "annotation");
    }
}
