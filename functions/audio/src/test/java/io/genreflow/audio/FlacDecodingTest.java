package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.assertDecodeFails;
import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FlacDecodingTest {

    private static final byte[] STEREO_16 = Decoded.resource("sawtooth-noise-16bit-stereo-44100.flac");
    private static final byte[] MONO_24 = Decoded.resource("sawtooth-24bit-mono-48000.flac");
    /** "fLaC", the STREAMINFO block header and its 34 bytes. */
    private static final int STREAMINFO_END = 42;

    @Test
    void sixteenBitStereoIsBitExact() throws IOException {
        long[] left = FixtureSignals.flac16Left();
        long[] right = FixtureSignals.flac16Right();
        float[] expected = new float[left.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (left[i] + right[i]) / 65536f;
        }

        Decoded d = Decoded.of(STEREO_16);

        assertEquals(SourceFormat.FLAC, d.format());
        assertEquals(44100, d.sampleRate());
        assertEquals(2, d.sourceChannels());
        assertEquals(22050, d.declaredLength());
        assertArrayEquals(expected, d.samples());
    }

    @Test
    void twentyFourBitMonoIsBitExact() throws IOException {
        long[] source = FixtureSignals.flac24();
        float[] expected = new float[source.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = source[i] / 8388608f;
        }

        Decoded d = Decoded.of(MONO_24);

        assertEquals(48000, d.sampleRate());
        assertEquals(1, d.sourceChannels());
        assertArrayEquals(expected, d.samples());
    }

    @Test
    void truncatedStreamFailsAsTruncated() {
        byte[] cut = Arrays.copyOf(STEREO_16, STEREO_16.length * 2 / 3);

        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.FLAC, cut), "announces 22050 samples");
    }

    @Test
    void damagedFrameFailsAsCorrupt() {
        byte[] damaged = STEREO_16.clone();
        damaged[damaged.length / 2] ^= 0x10;

        assertDecodeFails(Reason.CORRUPT_DATA, SourceFormat.FLAC, damaged);
    }

    @Test
    void metadataBlockClaimingMegabytesIsSkippedNotAllocatedAndEndsTruncated() {
        byte[] file = TestAudioFiles.concat(Arrays.copyOf(STEREO_16, STREAMINFO_END),
                new byte[] {0x02, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, new byte[100]);
        file[4] &= 0x7F;

        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.FLAC, file), "metadata block");
    }

    @Test
    void zeroSampleRateIsAnInvalidHeader() {
        byte[] file = STEREO_16.clone();
        file[18] = 0;
        file[19] = 0;
        file[20] &= 0x0F;

        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.FLAC, file), "sample rate of 0 Hz");
    }

    @Test
    void missingStreamInfoIsAnInvalidHeader() {
        byte[] file = STEREO_16.clone();
        file[4] = 0x04;

        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.FLAC, file), "STREAMINFO");
    }
}
