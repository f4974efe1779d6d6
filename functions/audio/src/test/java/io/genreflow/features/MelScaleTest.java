package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.testing.LibrosaReference;
import org.junit.jupiter.api.Test;

class MelScaleTest {

    @Test
    void isLinearBelowOneKilohertzAndLogarithmicAbove() {
        assertEquals(15.0, MelScale.hzToMel(1000.0), 1e-12);
        assertEquals(3.0, MelScale.hzToMel(200.0), 1e-12);
        assertEquals(15.0 + 27.0, MelScale.hzToMel(6400.0), 1e-9);
        for (double hz : new double[] {0, 55, 999.9, 1000, 4321, 11025}) {
            assertEquals(hz, MelScale.melToHz(MelScale.hzToMel(hz)), 1e-9 * Math.max(1, hz));
        }
    }

    @Test
    void bandCornersMatchLibrosa() {
        double[] expected = LibrosaReference.vector("filters/mel_frequencies_n130_fmin0_fmax11025.json");
        double[] actual = MelScale.frequencies(130, 0, 11025);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * expected[i] + 1e-9, "corner " + i);
        }
    }
}
