package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WaveformExtractorTest {

    private final FeatureExtractor waveform = FeatureExtractor.create(Representation.WAVEFORM, FeatureParams.defaults());

    @Test
    void cutsWholeFramesAndDropsTheTail() {
        float[] snippet = ramp(66150);
        float[][] frames = waveform.extract(snippet);
        assertArrayEquals(new int[] {64, 1024}, waveform.shape(66150));
        assertEquals(64, frames.length);
        for (int i = 0; i < frames.length; i++) {
            assertArrayEquals(Arrays.copyOfRange(snippet, i * 1024, (i + 1) * 1024), frames[i], "frame " + i);
        }
    }

    @Test
    void overlapsWhenTheHopIsShorterThanTheFrame() {
        FeatureParams halfHop = new FeatureParams(22050, 2048, 512, 128, 0, 11025, 12, 80, 1024, 512, FeatureParams.Framing.TRACK);
        FeatureExtractor overlapping = FeatureExtractor.create(Representation.WAVEFORM, halfHop);
        float[] snippet = ramp(4096);
        float[][] frames = overlapping.extract(snippet);
        assertEquals(7, frames.length);
        assertArrayEquals(Arrays.copyOfRange(snippet, 3072, 4096), frames[6]);
    }

    @Test
    void padsASnippetShorterThanOneFrame() {
        float[][] frames = waveform.extract(ramp(100));
        assertEquals(1, frames.length);
        assertEquals(99f, frames[0][99]);
        assertEquals(0f, frames[0][100]);
        assertEquals(0f, frames[0][1023]);
    }

    private static float[] ramp(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i;
        }
        return y;
    }
}
