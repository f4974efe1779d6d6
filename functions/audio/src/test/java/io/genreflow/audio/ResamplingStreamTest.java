package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplingStreamTest {

    @ParameterizedTest(name = "{0} Hz -> {1} Hz, source blocks of {2}, reads of {3}")
    @CsvSource({
        "44100, 22050, 1000, 333", "44100, 22050, 4096, 1", "48000, 22050, 7, 4099",
        "8000, 22050, 4095, 17", "192000, 22050, 10007, 100000", "22050, 12000, 3, 5",
        "1000, 96000, 513, 6000"})
    void readsTheOneShotSamplesWhateverTheBlockSizes(int inRate, int outRate, int sourceBlock, int readSize)
            throws IOException {
        float[] x = ResamplerStreamingTest.noise(inRate + 777, 9);
        float[] expected = Resampler.resample(x, inRate, outRate);

        try (ResamplingStream stream = new ResamplingStream(new ArraySource(x, inRate, sourceBlock, true), outRate)) {
            assertEquals(outRate, stream.sampleRate());
            assertEquals(expected.length, stream.declaredLength());
            assertArrayEquals(expected, readAll(stream, readSize));
        }
    }

    @Test
    void equalRatesPassTheSourceThrough() throws IOException {
        float[] x = ResamplerStreamingTest.noise(5000, 10);
        try (ResamplingStream stream = new ResamplingStream(new ArraySource(x, 22050, 999, true), 22050)) {
            assertEquals(5000, stream.declaredLength());
            assertArrayEquals(x, readAll(stream, 64));
        }
    }

    @Test
    void delegatesSourceFactsAndClosesTheSource() throws IOException {
        ArraySource source = new ArraySource(new float[100], 44100, 10, false);
        ResamplingStream stream = new ResamplingStream(source, 22050);
        assertSame(SourceFormat.FLAC, stream.format());
        assertEquals(2, stream.sourceChannels());
        assertEquals(-1, stream.declaredLength());
        stream.close();
        assertTrue(source.closed);
    }

    @Test
    void keepsReportingTheEnd() throws IOException {
        try (ResamplingStream stream = new ResamplingStream(new ArraySource(new float[10], 44100, 10, true), 22050)) {
            assertEquals(5, readAll(stream, 3).length);
            assertEquals(-1, stream.read(new float[4], 0, 4));
            assertEquals(0, stream.read(new float[4], 0, 0));
        }
    }

    private static float[] readAll(MonoAudioStream stream, int readSize) throws IOException {
        float[] all = new float[1024];
        int total = 0;
        float[] buffer = new float[readSize + 2];
        for (int got; (got = stream.read(buffer, 1, readSize)) != -1; total += got) {
            assertTrue(got >= 1 && got <= readSize, "read returned " + got);
            if (total + got > all.length) {
                all = Arrays.copyOf(all, 2 * (total + got));
            }
            System.arraycopy(buffer, 1, all, total, got);
        }
        return Arrays.copyOf(all, total);
    }

    /** A decoded signal held in memory, handed out in blocks of a fixed size (a stand-in for a decoder). */
    private static final class ArraySource implements MonoAudioStream {
        private final float[] samples;
        private final int rate;
        private final int block;
        private final boolean lengthKnown;
        private int position;
        private boolean closed;

        ArraySource(float[] samples, int rate, int block, boolean lengthKnown) {
            this.samples = samples;
            this.rate = rate;
            this.block = block;
            this.lengthKnown = lengthKnown;
        }

        @Override
        public SourceFormat format() {
            return SourceFormat.FLAC;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public int sourceChannels() {
            return 2;
        }

        @Override
        public long declaredLength() {
            return lengthKnown ? samples.length : -1;
        }

        @Override
        public int read(float[] buffer, int offset, int length) {
            if (position == samples.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, block), samples.length - position);
            System.arraycopy(samples, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
