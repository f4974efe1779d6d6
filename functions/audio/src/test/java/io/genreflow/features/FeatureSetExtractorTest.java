package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureSetExtractorTest {

    private static final FeatureParams PARAMS = FeatureParams.defaults();

    @Test
    void onePassGivesTheSameMatricesAsSeparateExtractors() {
        float[] snippet = noisyTone(66150, 1);
        Map<Representation, float[][]> together = FeatureSetExtractor.all(PARAMS).extract(snippet);
        assertEquals(EnumSet.allOf(Representation.class), together.keySet());
        for (Representation representation : Representation.values()) {
            float[][] alone = FeatureExtractor.create(representation, PARAMS).extract(snippet);
            assertArrayEquals(alone, together.get(representation), representation.id());
        }
    }

    @Test
    void reusedBuffersLeakNothingBetweenSnippets() {
        FeatureSetExtractor reused = FeatureSetExtractor.all(PARAMS);
        float[] first = noisyTone(66150, 2);
        float[] shorter = noisyTone(30000, 3);
        Map<Representation, float[][]> firstResult = reused.extract(first);
        Map<Representation, float[][]> shorterResult = reused.extract(shorter);
        Map<Representation, float[][]> again = reused.extract(first);
        for (Representation representation : Representation.values()) {
            assertArrayEquals(firstResult.get(representation), again.get(representation), representation.id());
            assertNotSame(firstResult.get(representation), again.get(representation), "callers own the results");
            float[][] fresh = FeatureSetExtractor.all(PARAMS).extract(shorter).get(representation);
            assertArrayEquals(fresh, shorterResult.get(representation), representation.id() + " after a longer snippet");
        }
    }

    @Test
    void computesOnlyWhatWasAskedFor() {
        FeatureSetExtractor two = FeatureSetExtractor.of(EnumSet.of(Representation.CHROMA, Representation.WAVEFORM), PARAMS);
        assertEquals(EnumSet.of(Representation.CHROMA, Representation.WAVEFORM), two.extract(noisyTone(5000, 4)).keySet());
        assertThrows(IllegalArgumentException.class, () -> two.shape(Representation.LOGMEL, 66150));
        assertThrows(IllegalArgumentException.class, () -> FeatureSetExtractor.of(EnumSet.noneOf(Representation.class), PARAMS));
    }

    @Test
    void silenceGivesFlooredDecibelsAndEmptyChroma() {
        Map<Representation, float[][]> silent = FeatureSetExtractor.all(PARAMS).extract(new float[66150]);
        for (float[] frame : silent.get(Representation.LOGMEL)) {
            for (float v : frame) {
                assertEquals(-100f, v, 1e-4);
            }
        }
        for (float[] frame : silent.get(Representation.CHROMA)) {
            assertArrayEquals(new float[12], frame);
        }
    }

    @Test
    void rejectsAnEmptySnippet() {
        for (Representation representation : Representation.values()) {
            assertThrows(IllegalArgumentException.class,
                    () -> FeatureExtractor.create(representation, PARAMS).extract(new float[0]), representation.id());
        }
    }

    static float[] noisyTone(int samples, long seed) {
        Random random = new Random(seed);
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 330 * i / 22050.0) + 0.05 * random.nextGaussian());
        }
        return y;
    }
}
