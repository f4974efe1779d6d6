package io.genreflow.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanAndSpreadTest {

    @Test
    void theSpreadIsTheSampleStandardDeviation() {
        MeanAndSpread spread = MeanAndSpread.of(new double[] {0.5, 0.7, 0.9});
        assertEquals(0.7, spread.mean(), 1e-12);
        assertEquals(0.2, spread.std(), 1e-12);

        MeanAndSpread two = MeanAndSpread.of(new double[] {0.4, 0.6});
        assertEquals(0.5, two.mean(), 1e-15);
        assertEquals(Math.sqrt(0.02), two.std(), 1e-15);
    }

    @Test
    void needsTwoValues() {
        assertThrows(IllegalArgumentException.class, () -> MeanAndSpread.of(new double[] {0.5}));
    }
}
