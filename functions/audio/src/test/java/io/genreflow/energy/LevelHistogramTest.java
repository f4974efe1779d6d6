package io.genreflow.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LevelHistogramTest {

    @Test
    void gatedMeanAveragesPowerNotDecibels() {
        LevelHistogram levels = new LevelHistogram();
        levels.add(meanSquareAt(-10));
        levels.add(meanSquareAt(-20));
        levels.add(meanSquareAt(-90));
        // (0.1 + 0.01) / 2 = 0.055, i.e. -12.6 dB; the -90 dB frame is below the gate
        assertEquals(10 * Math.log10(0.055), levels.meanDbAbove(-70), 1e-9);
        assertEquals(2, levels.framesAbove(-70));
        assertEquals(3, levels.frames());
        assertTrue(Double.isNaN(levels.meanDbAbove(0)));
    }

    @Test
    void percentilesResolveToTheBinWidth() {
        LevelHistogram levels = new LevelHistogram();
        for (int i = 0; i < 100; i++) {
            levels.add(meanSquareAt(-50 + i * 0.4));
        }
        // levels -50 .. -10.4 dB: the 10th lies near -46, the 95th near -12
        assertEquals(-50 + 9 * 0.4, levels.percentileDbAbove(0.10, -70), LevelHistogram.BIN_DB);
        assertEquals(-50 + 94 * 0.4, levels.percentileDbAbove(0.95, -70), LevelHistogram.BIN_DB);
        assertEquals(-50 + 50 * 0.4, levels.percentileDbAbove(0.0, -30), LevelHistogram.BIN_DB, "gate applies first");
    }

    @Test
    void silenceAndOverloadStayInRange() {
        LevelHistogram levels = new LevelHistogram();
        levels.add(0);
        assertEquals(LevelHistogram.FLOOR_DB, levels.ungatedMeanDb());
        levels.add(1e6);
        assertEquals(1, levels.framesAbove(LevelHistogram.CEILING_DB - 1));
    }

    private static double meanSquareAt(double db) {
        return Math.pow(10, db / 10);
    }
}
