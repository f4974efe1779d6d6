package io.genreflow.pcm;

import io.genreflow.split.PcmByteWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.contracts.PcmLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleSourceTest {

    /** More than two of the buffer's chunks, in odd-sized blocks, so reads cross chunk boundaries. */
    private static final float[] TRACK = randomSamples(600_001, 1);

    @Test
    void theBufferReturnsWhatWasWrittenWhateverTheBlockSizes() {
        PcmBuffer buffer = write(TRACK, 4097);

        assertEquals(TRACK.length, buffer.totalSamples());
        assertArrayEquals(TRACK, buffer.read(0, TRACK.length));
        for (long start : new long[] {0, 262_143, 262_144, 300_000, 524_287, TRACK.length - 66_150}) {
            assertArrayEquals(Arrays.copyOfRange(TRACK, (int) start, (int) start + 66_150), buffer.read(start, 66_150),
                    "from " + start);
        }
    }

    @Test
    void samplesPastTheEndOfTheTrackAreZeros() {
        float[] shortTrack = randomSamples(22_050, 2);
        float[] padded = Arrays.copyOf(shortTrack, 66_150);

        assertArrayEquals(padded, write(shortTrack, 1000).read(0, 66_150));
        assertArrayEquals(padded, PcmRange.whole(shortTrack).read(0, 66_150));
    }

    @Test
    void aRangedReadOfThePcmBytesReadsLikeTheWholeTrack() throws IOException {
        byte[] object = pcmObject(TRACK);
        PcmBuffer whole = write(TRACK, 65_536);
        // A batch of snippets starting at 1, 2 and 3 s, 3 s long: the range a classifier fetches.
        long first = 22_050;
        long end = 3 * 22_050 + 66_150;
        PcmRange range = PcmRange.fromBytes(Arrays.copyOfRange(object, (int) PcmLayout.byteOffset(first),
                (int) PcmLayout.byteOffset(end)), first, TRACK.length);

        for (long start : new long[] {22_050, 44_100, 66_150}) {
            assertArrayEquals(whole.read(start, 66_150), range.read(start, 66_150), "from " + start);
        }
        assertThrows(IllegalArgumentException.class, () -> range.read(0, 66_150), "before the range");
        assertThrows(IllegalArgumentException.class, () -> range.read(88_200, 66_150), "past the range");
    }

    @Test
    void theEndOfAShortTrackIsPaddedFromARangedReadToo() throws IOException {
        float[] shortTrack = randomSamples(30_000, 3);

        PcmRange range = PcmRange.fromBytes(pcmObject(shortTrack), 0, shortTrack.length);

        assertArrayEquals(Arrays.copyOf(shortTrack, 66_150), range.read(0, 66_150));
    }

    @Test
    void bytesThatAreNotWholeSamplesOrOverrunTheTrackAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PcmRange.fromBytes(new byte[10], 0, 100));
        assertThrows(IllegalArgumentException.class, () -> PcmRange.fromBytes(new byte[40], 95, 100));
    }

    @Test
    void startsOutsideTheTrackAreRefused() {
        PcmBuffer buffer = write(TRACK, 10_000);

        assertThrows(IllegalArgumentException.class, () -> buffer.read(TRACK.length, 10));
        assertThrows(IllegalArgumentException.class, () -> buffer.read(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new PcmBuffer().read(0, 10), "an empty buffer");
    }

    private static PcmBuffer write(float[] track, int block) {
        PcmBuffer buffer = new PcmBuffer();
        for (int from = 0; from < track.length; from += block) {
            buffer.accept(track, from, Math.min(block, track.length - from));
        }
        return buffer;
    }

    private static byte[] pcmObject(float[] track) throws IOException {
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        PcmByteWriter writer = new PcmByteWriter(object);
        for (int from = 0; from < track.length; from += 5000) {
            writer.accept(track, from, Math.min(5000, track.length - from));
        }
        return object.toByteArray();
    }

    private static float[] randomSamples(int length, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (float) random.nextGaussian() * 0.2f;
        }
        return samples;
    }
}
