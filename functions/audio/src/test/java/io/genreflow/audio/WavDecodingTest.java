package io.genreflow.audio;

import static io.genreflow.audio.DecodeAssertions.assertDecodeFails;
import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static io.genreflow.audio.TestAudioFiles.WAVE_FLOAT;
import static io.genreflow.audio.TestAudioFiles.WAVE_PCM;
import static io.genreflow.audio.TestAudioFiles.ascii;
import static io.genreflow.audio.TestAudioFiles.chunk;
import static io.genreflow.audio.TestAudioFiles.concat;
import static io.genreflow.audio.TestAudioFiles.doubles;
import static io.genreflow.audio.TestAudioFiles.floats;
import static io.genreflow.audio.TestAudioFiles.fmt;
import static io.genreflow.audio.TestAudioFiles.fmtExtensible;
import static io.genreflow.audio.TestAudioFiles.ints;
import static io.genreflow.audio.TestAudioFiles.wav;
import static io.genreflow.audio.TestAudioFiles.wavFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.audio.AudioDecodeException.Reason;
import io.genreflow.contracts.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WavDecodingTest {

    @Test
    void sixteenBitStereoIsTheExactMeanOfTheChannels() throws IOException {
        byte[] file = wav(WAVE_PCM, 2, 44100, 16, ints(16, false, 32767, -32768, 1000, 3000, -1, 0));

        Decoded d = Decoded.of(file);

        assertEquals(SourceFormat.WAV, d.format());
        assertEquals(44100, d.sampleRate());
        assertEquals(2, d.sourceChannels());
        assertEquals(3, d.declaredLength());
        assertArrayEquals(new float[] {-0.5f / 32768, 2000f / 32768, -0.5f / 32768}, d.samples());
    }

    @Test
    void eightBitIsUnsignedAroundMidScale() throws IOException {
        byte[] file = wav(WAVE_PCM, 1, 8000, 8, new byte[] {(byte) 128, (byte) 255, 0, 64});

        assertArrayEquals(new float[] {0f, 127f / 128, -1f, -0.5f}, Decoded.of(file).samples());
    }

    @Test
    void twentyFourAndThirtyTwoBitIntegersScaleByTheirFullRange() throws IOException {
        byte[] s24 = wav(WAVE_PCM, 1, 48000, 24, ints(24, false, 8388607, -8388608, 1));
        byte[] s32 = wav(WAVE_PCM, 1, 48000, 32, ints(32, false, Integer.MIN_VALUE, 1 << 30, -(1 << 16)));

        assertArrayEquals(new float[] {8388607f / 8388608, -1f, 1f / 8388608}, Decoded.of(s24).samples());
        assertArrayEquals(new float[] {-1f, 0.5f, -1f / 32768}, Decoded.of(s32).samples());
    }

    @Test
    void floatSamplesPassThroughAndDoublesRoundToFloat() throws IOException {
        byte[] f32 = wav(WAVE_FLOAT, 1, 44100, 32, floats(false, 0.25f, -1.5f, 1e-7f));
        byte[] f64 = wav(WAVE_FLOAT, 1, 44100, 64, doubles(false, 0.1, -0.75));

        assertArrayEquals(new float[] {0.25f, -1.5f, 1e-7f}, Decoded.of(f32).samples());
        assertArrayEquals(new float[] {(float) 0.1, -0.75f}, Decoded.of(f64).samples());
    }

    @Test
    void extensibleFormatUsesItsSubFormat() throws IOException {
        byte[] pcm24in32 = wavFile(chunk("fmt ", fmtExtensible(WAVE_PCM, 2, 96000, 32, 24)),
                chunk("data", ints(32, false, 0x7FFFFF00, 0x40000000)));
        byte[] float32 = wavFile(chunk("fmt ", fmtExtensible(WAVE_FLOAT, 1, 48000, 32, 32)),
                chunk("data", floats(false, -0.125f)));

        Decoded pcm = Decoded.of(pcm24in32);
        assertEquals(96000, pcm.sampleRate());
        assertArrayEquals(new float[] {(0x7FFFFF00 / 2147483648f + 0.5f) / 2}, pcm.samples());
        assertArrayEquals(new float[] {-0.125f}, Decoded.of(float32).samples());
    }

    @Test
    void g711LawsExpandToTheirStandardValues() throws IOException {
        byte[] muLaw = wav(7, 1, 8000, 8, new byte[] {(byte) 0xFF, 0x00, (byte) 0x80});
        byte[] aLaw = wav(6, 1, 8000, 8, new byte[] {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A});

        assertArrayEquals(new float[] {0f, -32124f / 32768, 32124f / 32768}, Decoded.of(muLaw).samples());
        assertArrayEquals(new float[] {8f / 32768, -8f / 32768, 32256f / 32768, -32256f / 32768}, Decoded.of(aLaw).samples());
    }

    @Test
    void unknownChunksAreSkippedIncludingOddSizePadding() throws IOException {
        byte[] file = wavFile(chunk("JUNK", new byte[3]), chunk("fmt ", fmt(WAVE_PCM, 1, 22050, 16)),
                chunk("LIST", ascii("INFOISFT")), chunk("odd!", new byte[] {1, 2, 3, 4, 5}),
                chunk("data", ints(16, false, 16384, -16384)));

        assertArrayEquals(new float[] {0.5f, -0.5f}, Decoded.of(file).samples());
    }

    @Test
    void rf64TakesTheDataSizeFromItsDs64Chunk() throws IOException {
        byte[] ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(100).putLong(4).putLong(2).putInt(0).array();
        byte[] file = TestAudioFiles.riff("RF64", chunk("ds64", ds64), chunk("fmt ", fmt(WAVE_PCM, 1, 8000, 16)),
                chunk("data", ints(16, false, 8192, 4096, 1, 1), 0xFFFFFFFFL, false));

        Decoded d = Decoded.of(file);
        assertEquals(2, d.declaredLength());
        assertArrayEquals(new float[] {0.25f, 0.125f}, d.samples());
    }

    @Test
    void streamingSizeMarkerDecodesUntilTheEndOfTheFile() throws IOException {
        byte[] file = wavFile(chunk("fmt ", fmt(WAVE_PCM, 1, 8000, 16)),
                chunk("data", ints(16, false, 100, 200, 300), 0xFFFFFFFFL, false));

        Decoded d = Decoded.of(concat(file, new byte[] {7}));
        assertEquals(-1, d.declaredLength());
        // The trailing odd byte is half a sample frame and is dropped.
        assertArrayEquals(new float[] {100f / 32768, 200f / 32768, 300f / 32768}, d.samples());
    }

    @Test
    void oneSampleFileDecodesToOneSample() throws IOException {
        assertArrayEquals(new float[] {-0.5f}, Decoded.of(wav(WAVE_PCM, 1, 44100, 16, ints(16, false, -16384))).samples());
    }

    @Test
    void eightChannelsAt192kHzAreAveraged() throws IOException {
        int frames = 1000;
        long[] values = new long[frames * 8];
        float[] expected = new float[frames];
        for (int f = 0; f < frames; f++) {
            long sum = 0;
            for (int c = 0; c < 8; c++) {
                long v = (f * 37L + c * 4111L) % 60000 - 30000;
                values[f * 8 + c] = v;
                sum += v;
            }
            expected[f] = sum / 8f / 32768f;
        }

        Decoded d = Decoded.of(wav(WAVE_PCM, 8, 192000, 16, ints(16, false, values)));

        assertEquals(192000, d.sampleRate());
        assertEquals(8, d.sourceChannels());
        assertArrayEquals(expected, d.samples(), 1e-7f);
    }

    @Test
    void dataShorterThanItsSizeDeliversWhatExistsThenFailsAsTruncated() throws IOException {
        byte[] full = wav(WAVE_PCM, 1, 8000, 16, ints(16, false, new long[10000]));
        byte[] cut = Arrays.copyOf(full, full.length - 5001);

        try (MonoAudioStream stream = AudioDecoder.open(new ByteArrayInputStream(cut))) {
            float[] buffer = new float[20000];
            int got = 0;
            AudioDecodeException e = null;
            try {
                int n;
                while ((n = stream.read(buffer, got, buffer.length - got)) > 0) {
                    got += n;
                }
            } catch (AudioDecodeException thrown) {
                e = thrown;
            }
            assertEquals(10000 - 2501, got, "complete frames before the cut are delivered");
            assertTrue(e != null && e.reason() == Reason.TRUNCATED, "then the stream fails as truncated");
            assertMessageContains(e, "WAV: ", "10000 sample frames", "stops after 7499");
        }
    }

    @Test
    void headerClaimingGigabytesFailsAsTruncatedWithoutAllocating() {
        byte[] file = wavFile(chunk("fmt ", fmt(WAVE_PCM, 2, 44100, 16)),
                chunk("data", ints(16, false, 1, 2, 3, 4), 0xFFFFFFF0L, false));

        AudioDecodeException e = assertDecodeFails(Reason.TRUNCATED, SourceFormat.WAV, file);
        assertMessageContains(e, "1073741820 sample frames");
    }

    @Test
    void chunkClaimingGigabytesBeforeTheDataFailsAsTruncated() {
        byte[] file = wavFile(chunk("fmt ", fmt(WAVE_PCM, 1, 8000, 16)), chunk("LIST", new byte[8], 0x7FFFFFF0L, false));

        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.WAV, file), "'LIST' chunk");
    }

    @Test
    void zeroChannelsOrZeroSampleRateIsAnInvalidHeader() {
        byte[] noChannels = wav(WAVE_PCM, 0, 44100, 16, new byte[4]);
        byte[] noRate = wav(WAVE_PCM, 1, 0, 16, new byte[4]);

        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.WAV, noChannels), "0 channels");
        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.WAV, noRate), "sample rate of 0 Hz");
    }

    @Test
    void nonFiniteFloatSamplesAreRejectedWithTheirPosition() {
        float[] samples = new float[3000];
        samples[2345] = Float.NaN;
        byte[] nan = wav(WAVE_FLOAT, 1, 1000, 32, floats(false, samples));
        byte[] inf = wav(WAVE_FLOAT, 2, 1000, 32, floats(false, 0f, 0f, Float.POSITIVE_INFINITY, 0.5f));

        assertMessageContains(assertDecodeFails(Reason.INVALID_SAMPLES, SourceFormat.WAV, nan), "sample 2345 (2.345 s)", "NaN");
        assertMessageContains(assertDecodeFails(Reason.INVALID_SAMPLES, SourceFormat.WAV, inf), "sample 1 ", "Infinity");
    }

    @Test
    void compressedCodecsAreNamedAsUnsupported() {
        byte[] adpcm = wav(0x0002, 1, 8000, 4, new byte[64]);

        assertMessageContains(assertDecodeFails(Reason.UNSUPPORTED_ENCODING, SourceFormat.WAV, adpcm),
                "Microsoft ADPCM (format tag 0x0002)");
    }

    @Test
    void missingChunksAreReported() {
        byte[] noData = wavFile(chunk("fmt ", fmt(WAVE_PCM, 1, 8000, 16)), chunk("LIST", new byte[4]));
        byte[] dataFirst = wavFile(chunk("data", new byte[4]), chunk("fmt ", fmt(WAVE_PCM, 1, 8000, 16)));
        byte[] cutHeader = Arrays.copyOf(wav(WAVE_PCM, 1, 8000, 16, new byte[4]), 30);

        assertMessageContains(assertDecodeFails(Reason.NO_AUDIO, SourceFormat.WAV, noData), "no 'data' chunk");
        assertMessageContains(assertDecodeFails(Reason.INVALID_HEADER, SourceFormat.WAV, dataFirst), "before the 'fmt ' chunk");
        assertDecodeFails(Reason.TRUNCATED, SourceFormat.WAV, cutHeader);
    }

    @Test
    void sixtyMinutesStreamThroughWithoutReadingAheadOfTheCaller() throws IOException {
        long frames = 60L * 60 * 44100;
        SyntheticWav source = new SyntheticWav(frames);

        try (MonoAudioStream stream = AudioDecoder.open(source)) {
            float[] buffer = new float[4096];
            assertEquals(4096, stream.read(buffer, 0, buffer.length));
            assertTrue(source.served < 512 * 1024, "read " + source.served + " bytes for the first 4096 samples");
            assertEquals(SyntheticWav.expectedMean(0), buffer[0]);
            assertEquals(SyntheticWav.expectedMean(4095), buffer[4095]);
            long total = 4096;
            int n;
            float last = 0;
            while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                total += n;
                last = buffer[n - 1];
            }
            assertEquals(frames, total);
            assertEquals(SyntheticWav.expectedMean(frames - 1), last);
        }
    }

    /** A 16-bit stereo WAV of any length, generated on the fly: left = frame % 65536 - 32768, right = 0. */
    private static final class SyntheticWav extends InputStream {

        private static final byte[] PERIOD = period();

        private final byte[] header;
        private final long total;
        private long served;

        SyntheticWav(long frames) {
            this.header = wavFile(chunk("fmt ", fmt(WAVE_PCM, 2, 44100, 16)), chunk("data", new byte[0], frames * 4, false));
            this.total = header.length + frames * 4;
        }

        static float expectedMean(long frame) {
            return (frame % 65536 - 32768) / 32768f / 2;
        }

        private static byte[] period() {
            byte[] b = new byte[65536 * 4];
            for (int f = 0; f < 65536; f++) {
                int value = f - 32768;
                b[4 * f] = (byte) value;
                b[4 * f + 1] = (byte) (value >> 8);
            }
            return b;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= total) {
                return -1;
            }
            int n;
            if (served < header.length) {
                n = (int) Math.min(len, header.length - served);
                System.arraycopy(header, (int) served, b, off, n);
            } else {
                int at = (int) ((served - header.length) % PERIOD.length);
                n = (int) Math.min(Math.min(len, total - served), PERIOD.length - at);
                System.arraycopy(PERIOD, at, b, off, n);
            }
            served += n;
            return n;
        }
    }
}
