package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.assertDecodeFails;
import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static io.genreflow.audio.TestAudioFiles.aiffComm;
import static io.genreflow.audio.TestAudioFiles.aiffSsnd;
import static io.genreflow.audio.TestAudioFiles.chunk;
import static io.genreflow.audio.TestAudioFiles.floats;
import static io.genreflow.audio.TestAudioFiles.form;
import static io.genreflow.audio.TestAudioFiles.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AiffDecodingTest {

    private static byte[] aiff(int channels, long frames, int bits, double rate, byte[] data) {
        return form(false, chunk("COMM", aiffComm(channels, frames, bits, rate, null), 18, true),
                chunk("SSND", aiffSsnd(data), 8 + data.length, true));
    }

    private static byte[] aifc(String compression, int channels, long frames, int bits, byte[] data) {
        return form(true, chunk("COMM", aiffComm(channels, frames, bits, 44100, compression), 24, true),
                chunk("SSND", aiffSsnd(data), 8 + data.length, true));
    }

    @Test
    void sixteenBitBigEndianStereoDecodesExactly() throws IOException {
        Decoded d = Decoded.of(aiff(2, 2, 16, 44100, ints(16, true, 16384, 0, -32768, 32767)));

        assertEquals(SourceFormat.AIFF, d.format());
        assertEquals(44100, d.sampleRate());
        assertEquals(2, d.sourceChannels());
        assertEquals(2, d.declaredLength());
        assertArrayEquals(new float[] {0.25f, -0.5f / 32768}, d.samples());
    }

    @Test
    void eightAndTwentyFourBitSamplesAreSigned() throws IOException {
        assertArrayEquals(new float[] {-0.5f, 0.5f}, Decoded.of(aiff(1, 2, 8, 8000, new byte[] {-64, 64})).samples());
        assertArrayEquals(new float[] {-0.25f}, Decoded.of(aiff(1, 1, 24, 96000, ints(24, true, -(1 << 21)))).samples());
    }

    @Test
    void otherChunksAreSkippedAndTheSampleRateIsReadFromItsExtendedFloat() throws IOException {
        byte[] comm = aiffComm(1, 1, 16, 22050, null);
        byte[] file = form(false, chunk("NAME", "odd".getBytes(), 3, true), chunk("COMM", comm, 18, true),
                chunk("ANNO", new byte[6], 6, true), chunk("SSND", aiffSsnd(ints(16, true, 4096)), 10, true));

        Decoded d = Decoded.of(file);
        assertEquals(22050, d.sampleRate());
        assertArrayEquals(new float[] {0.125f}, d.samples());
    }

    @Test
    void extendedFloatParsesCommonRates() {
        for (double rate : new double[] {8000, 11025, 44100, 48000, 96000, 192000}) {
            assertEquals(rate, AiffHeader.extended80(TestAudioFiles.extended80(rate), 0));
        }
    }

    @Test
    void aifcDecodesLittleEndianFloatAndLawCompressions() throws IOException {
        assertArrayEquals(new float[] {0.5f}, Decoded.of(aifc("sowt", 1, 1, 16, ints(16, false, 16384))).samples());
        assertArrayEquals(new float[] {0.5f}, Decoded.of(aifc("NONE", 1, 1, 16, ints(16, true, 16384))).samples());
        assertArrayEquals(new float[] {-0.75f}, Decoded.of(aifc("fl32", 1, 1, 32, floats(true, -0.75f))).samples());
        assertArrayEquals(new float[] {0f}, Decoded.of(aifc("ulaw", 1, 1, 16, new byte[] {(byte) 0xFF})).samples());
    }

    @Test
    void compressedAifcIsUnsupported() {
        assertMessageContains(assertDecodeFails(Reason.UNSUPPORTED_ENCODING, SourceFormat.AIFF,
                aifc("ima4", 1, 64, 16, new byte[34])), "'ima4'");
    }

    @Test
    void truncatedSoundDataFailsAsTruncated() {
        byte[] file = aiff(1, 1000, 16, 8000, ints(16, true, new long[1000]));

        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.AIFF, Arrays.copyOf(file, file.length - 1001)),
                "1000 sample frames", "after 499");
    }

    @Test
    void badHeadersAreReported() {
        byte[] noChannels = aiff(0, 1, 16, 44100, new byte[2]);
        byte[] noRate = aiff(1, 1, 16, 0, new byte[2]);
        byte[] ssndFirst = form(false, chunk("SSND", aiffSsnd(new byte[2]), 10, true),
                chunk("COMM", aiffComm(1, 1, 16, 8000, null), 18, true));
        byte[] noSsnd = form(false, chunk("COMM", aiffComm(1, 1, 16, 8000, null), 18, true));

        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.AIFF, noChannels), "0 channels");
        assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.AIFF, noRate);
        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.AIFF, ssndFirst), "before the COMM chunk");
        assertMessageContains(assertDecodeFails(Reason.NO_AUDIO, SourceFormat.AIFF, noSsnd), "no SSND chunk");
    }
}
