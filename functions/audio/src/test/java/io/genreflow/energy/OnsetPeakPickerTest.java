package io.genreflow.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OnsetPeakPickerTest {

    @Test
    void countsIsolatedPeaksAboveTheLocalMean() {
        double[] envelope = new double[40];
        envelope[5] = 5;
        envelope[15] = 3;
        envelope[25] = 0.5;
        assertEquals(2, onsets(envelope, 2, 4, 4, 2, 1.0), "the 0.5 dB bump is below delta");
    }

    @Test
    void keepsOnlyTheLargestWithinThePeakRadius() {
        double[] envelope = new double[20];
        envelope[8] = 4;
        envelope[10] = 6;
        assertEquals(1, onsets(envelope, 2, 4, 4, 1, 1.0));
        assertEquals(2, onsets(envelope, 1, 4, 4, 1, 1.0));
    }

    @Test
    void enforcesTheMinimumGapOnPlateaus() {
        double[] plateau = {0, 0, 0, 5, 5, 5, 0, 0, 0, 0};
        assertEquals(1, onsets(plateau, 1, 3, 3, 3, 1.0));
        assertEquals(2, onsets(plateau, 1, 3, 3, 2, 1.0));
    }

    @Test
    void decidesTheLastFramesWhenTheTrackEnds() {
        double[] envelope = {0, 0, 0, 0, 0, 0, 7};
        assertEquals(1, onsets(envelope, 2, 4, 4, 2, 1.0));
    }

    private static long onsets(double[] envelope, int radius, int before, int after, int gap, double delta) {
        OnsetPeakPicker picker = new OnsetPeakPicker(radius, before, after, gap, delta);
        for (double v : envelope) {
            picker.add(v);
        }
        picker.finish();
        return picker.onsets();
    }
}
