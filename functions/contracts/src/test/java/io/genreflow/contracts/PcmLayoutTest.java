package io.genreflow.contracts;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcmLayoutTest {

    @Test
    void sampleIStartsAtByteFourI() {
        float[] samples = {0.5f, -0.25f, 1.0f, -1.0f, 0.125f};
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * PcmLayout.BYTES_PER_SAMPLE).order(PcmLayout.BYTE_ORDER);
        for (float s : samples) {
            pcm.putFloat(s);
        }
        byte[] bytes = pcm.array();

        for (int i = 0; i < samples.length; i++) {
            int offset = (int) PcmLayout.byteOffset(i);
            int bits = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8
                    | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
            assertEquals(samples[i], Float.intBitsToFloat(bits), "little-endian float32 at 4·" + i);
        }
        assertEquals(samples.length, PcmLayout.sampleCount(bytes.length));
    }

    @Test
    void rangeHeaderNamesTheLastByteInclusively() {
        assertEquals("bytes=0-88199", PcmLayout.rangeHeader(0, 22050));
        assertEquals("bytes=400-407", PcmLayout.rangeHeader(100, 102));
        assertThrows(IllegalArgumentException.class, () -> PcmLayout.rangeHeader(5, 5));
    }

    @Test
    void aTornObjectIsNotWholeSamples() {
        assertThrows(IllegalArgumentException.class, () -> PcmLayout.sampleCount(4 * 1000 + 2));
        assertThrows(IllegalArgumentException.class, () -> PcmLayout.byteOffset(-1));
    }
}
