package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HannWindowTest {

    @Test
    void isPeriodicNotSymmetric() {
        float[] w = HannWindow.periodic(8);
        assertEquals(0f, w[0]);
        assertEquals(1f, w[4], 1e-7);
        // periodic: w[i] == w[n - i]; the symmetric window would instead end on a second zero
        for (int i = 1; i < 8; i++) {
            assertEquals(w[i], w[8 - i], 1e-7, "w[" + i + "]");
        }
        assertEquals(0.5f, w[2], 1e-7);
    }

    @Test
    void overlapsToAConstantAtQuarterHop() {
        int n = 2048;
        float[] w = HannWindow.periodic(n);
        for (int i = 0; i < n / 4; i++) {
            double sum = w[i] + w[i + n / 4] + w[i + n / 2] + w[i + 3 * n / 4];
            assertEquals(2.0, sum, 1e-6, "sample " + i);
        }
    }

    @Test
    void rejectsEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> HannWindow.periodic(0));
    }
}
