package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecibelsTest {

    @Test
    void fastLogarithmStaysWithinTwentyMicroDecibels() {
        double worst = 0;
        for (double x = 1e-10; x < 1e12; x *= 1.0007) {
            float f = (float) x;
            worst = Math.max(worst, Math.abs(Decibels.tenLog10(f) - 10 * Math.log10(f)));
        }
        assertEquals(0, worst, 2e-5);
        assertEquals(0f, Decibels.tenLog10(1f), 1e-6);
        assertEquals(30f, Decibels.tenLog10(1000f), 1e-5);
    }

    @Test
    void floorIsRelativeToTheWholeMatrixNotEachRow() {
        float[][] power = {{1e4f, 1f}, {1e-3f, 1e-6f}};
        float[][] db = new float[2][2];
        Decibels.powerToDb(power, db, 80);
        assertEquals(40f, db[0][0], 1e-4);
        assertEquals(0f, db[0][1], 1e-4);
        assertEquals(-30f, db[1][0], 1e-4);
        assertEquals(-40f, db[1][1], 1e-4, "floored at the matrix maximum 40 dB minus 80");
    }

    @Test
    void silenceBottomsOutAtAmin() {
        float[][] power = {{0f, 0f}, {0f, 1e-12f}};
        Decibels.powerToDb(power, power, 80);
        for (float[] row : power) {
            for (float v : row) {
                assertEquals(-100f, v, 1e-4);
            }
        }
        assertEquals(-100f, Decibels.fromPower(0f), 1e-4);
    }

    @Test
    void convertsInPlace() {
        float[][] power = {{100f, 1e-20f}};
        Decibels.powerToDb(power, power, 50);
        assertEquals(20f, power[0][0], 1e-4);
        assertEquals(-30f, power[0][1], 1e-4);
    }
}
