package io.genreflow.features;

import io.genreflow.manifest.FeatureParams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.testing.LibrosaReference;
import org.jtransforms.utils.CommonUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class StftTest {

    static final String[] SIGNALS = LibrosaReference.SIGNALS;

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void magnitudeMatchesLibrosa(String signal) {
        float[][] magnitude = Stft.of(FeatureParams.defaults()).magnitude(LibrosaReference.signal(signal));
        double[][] expected = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/stft_mag.json"));
        ParityAssertions.assertScaled(expected, magnitude, 2e-6, 5e-4, signal + " stft_mag");
    }

    @Test
    void countsCentredFramesLikeLibrosa() {
        Stft stft = new Stft(2048, 512);
        assertEquals(130, stft.frameCount(66150));
        assertEquals(44, stft.frameCount(22050));
        assertEquals(1, stft.frameCount(1));
        assertEquals(1025, stft.binCount());
        assertEquals(141, new Stft(512, 256).frameCount(36000));
        assertEquals(47, new Stft(512, 256).frameCount(12001));
    }

    @Test
    void sineAtABinCentreHasHalfWindowGain() {
        int n = 1024;
        float[] sine = new float[8 * n];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.8 * Math.cos(2 * Math.PI * 37 * i / n));
        }
        float[][] magnitude = new Stft(n, n / 4).magnitude(sine);
        float[] middle = magnitude[magnitude.length / 2];
        // periodic Hann has coherent gain 1/2, and a real cosine of amplitude A splits into two
        // halves: |X[37]| = A * n / 4; the neighbours get the Hann main-lobe half of that.
        assertEquals(0.8 * n / 4, middle[37], 1e-3 * n);
        assertEquals(0.8 * n / 8, middle[36], 1e-3 * n);
        assertEquals(0.8 * n / 8, middle[38], 1e-3 * n);
        assertTrue(middle[30] < 1e-3, "far bins are empty: " + middle[30]);
    }

    @Test
    void edgeFramesSeeZeroPadding() {
        Stft stft = new Stft(16, 4);
        float[] signal = new float[10];
        java.util.Arrays.fill(signal, 1f);
        float[] first = new float[stft.binCount()];
        stft.framePower(signal, signal.length, -8, first);
        // frame 0 covers samples -8..7: only the second half of the window multiplies ones
        float[] window = HannWindow.periodic(16);
        double dc = 0;
        for (int i = 8; i < 16; i++) {
            dc += window[i];
        }
        assertEquals(dc * dc, first[0], 1e-4);
        float[][] power = stft.power(signal);
        assertArrayEquals(first, power[0], 0f);
    }

    @Test
    void rejectsUnusableParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Stft(2047, 512));
        assertThrows(IllegalArgumentException.class, () -> new Stft(2048, 0));
        Stft stft = new Stft(2048, 512);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> stft.power(new float[0]));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stft.power(new float[1000], new float[3][1025]));
        assertThrows(IllegalArgumentException.class, () -> stft.power(new float[1000], new float[2][1024]));
    }

    @Test
    void frameSizedFftsStayOnTheCallingThread() {
        // JTransforms forks threads only for transforms at or above this size; the models use 2048.
        assertTrue(CommonUtils.getThreadsBeginN_1D_FFT_2Threads() > FeatureParams.defaults().nFft());
    }
}
