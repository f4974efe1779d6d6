package io.genreflow.energy;

import io.genreflow.contracts.Energy;
import io.genreflow.contracts.EnergyDescriptors;
import io.genreflow.contracts.EnergyLevel;

import static io.genreflow.energy.EnergyAnalyzerTest.analyse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyScoreTest {

    @Test
    void louderScoresHigherWithEverythingElseEqual() {
        float[] bursts = SyntheticAudio.noiseBursts(4, 6, 21);
        Energy previous = null;
        for (double rmsDbfs : new double[] {-40, -30, -22, -14, -8}) {
            Energy energy = EnergyScore.of(analyse(SyntheticAudio.atRms(bursts, rmsDbfs), 4096));
            if (previous != null) {
                assertHigher(previous, energy, "at " + rmsDbfs + " dBFS");
                assertEquals(previous.descriptors().onsetRatePerSecond(), energy.descriptors().onsetRatePerSecond(), 1e-9);
                assertEquals(previous.descriptors().spectralCentroidHz(), energy.descriptors().spectralCentroidHz(), 1.0);
                assertEquals(previous.descriptors().spectralFlux(), energy.descriptors().spectralFlux(), 1e-3);
                assertTrue(energy.descriptors().loudnessDb() > previous.descriptors().loudnessDb() + 5);
            }
            previous = energy;
        }
    }

    @Test
    void denserOnsetsScoreHigherAtTheSameLoudnessAndColour() {
        Energy previous = null;
        for (double perSecond : new double[] {0.5, 1, 2, 4, 8}) {
            Energy energy = EnergyScore.of(analyse(atLoudness(SyntheticAudio.noiseBursts(perSecond, 8, 31), -20), 4096));
            if (previous != null) {
                assertHigher(previous, energy, perSecond + " bursts per second");
                assertTrue(energy.descriptors().onsetRatePerSecond() > previous.descriptors().onsetRatePerSecond());
                assertEquals(-20, energy.descriptors().loudnessDb(), 0.05, "held within the 0.1 dB gate resolution");
                assertEquals(previous.descriptors().spectralCentroidHz(), energy.descriptors().spectralCentroidHz(), 50);
            }
            previous = energy;
        }
    }

    @Test
    void brighterScoresHigherWithTheSameRhythmAndLoudness() {
        float[] bursts = SyntheticAudio.noiseBursts(4, 6, 41);
        Energy previous = null;
        // white noise (no filter) is the brightest: its centroid is half the Nyquist frequency
        for (double cutoffHz : new double[] {100, 300, 1000, 0}) {
            float[] coloured = cutoffHz > 0 ? SyntheticAudio.lowPassed(bursts, cutoffHz, 2) : bursts;
            Energy energy = EnergyScore.of(analyse(atLoudness(coloured, -20), 4096));
            if (previous != null) {
                assertHigher(previous, energy, cutoffHz > 0 ? "low-pass at " + cutoffHz + " Hz" : "unfiltered");
                assertTrue(energy.descriptors().spectralCentroidHz() > previous.descriptors().spectralCentroidHz());
                assertEquals(previous.descriptors().onsetRatePerSecond(), energy.descriptors().onsetRatePerSecond(), 1e-9);
                assertEquals(-20, energy.descriptors().loudnessDb(), 0.05, "held within the 0.1 dB gate resolution");
            }
            previous = energy;
        }
    }

    @Test
    void silenceIsLow() {
        Energy silence = EnergyScore.of(analyse(new float[22050 * 5], 4096));
        assertEquals(0.0, silence.score());
        assertEquals(EnergyLevel.LOW, silence.level());
    }

    @Test
    void quietSparseDarkIsLowAndLoudDenseBrightIsHigh() {
        float[] quiet = SyntheticAudio.atRms(SyntheticAudio.lowPassed(SyntheticAudio.noiseBursts(0.5, 8, 51), 200, 2), -38);
        Energy low = EnergyScore.of(analyse(quiet, 4096));
        assertEquals(EnergyLevel.LOW, low.level(), low.toString());
        Energy high = EnergyScore.of(analyse(SyntheticAudio.atRms(SyntheticAudio.noiseBursts(8, 8, 52), -8), 4096));
        assertEquals(EnergyLevel.HIGH, high.level(), high.toString());
        Energy mid = EnergyScore.of(analyse(SyntheticAudio.atRms(SyntheticAudio.lowPassed(SyntheticAudio.noiseBursts(2, 8, 53), 1500, 2), -22), 4096));
        assertEquals(EnergyLevel.MEDIUM, mid.level(), mid.toString());
    }

    @Test
    void scoreIsMonotoneInEveryDescriptorAndBounded() {
        Random random = new Random(61);
        for (int i = 0; i < 2000; i++) {
            double[] d = {-60 + 60 * random.nextDouble(), 30 * random.nextDouble(), 12 * random.nextDouble(),
                    4 * random.nextDouble(), 100 + 8000 * random.nextDouble()};
            double score = EnergyScore.of(descriptors(d)).score();
            assertTrue(score >= 0 && score <= 1, "score " + score);
            for (int j = 0; j < d.length; j++) {
                double[] bumped = d.clone();
                bumped[j] += j == 0 ? 3 : j == 1 ? 3 : j == 2 ? 1 : j == 3 ? 0.2 : 300;
                double after = EnergyScore.of(descriptors(bumped)).score();
                if (j == 1) {
                    assertTrue(after <= score, "wider dynamic range must not raise the score");
                } else {
                    assertTrue(after >= score, "raising descriptor " + j + " must not lower the score");
                }
            }
        }
    }

    @Test
    void levelsSplitTheScoreInThirds() {
        assertEquals(EnergyLevel.LOW, EnergyScore.level(0.0));
        assertEquals(EnergyLevel.LOW, EnergyScore.level(0.33));
        assertEquals(EnergyLevel.MEDIUM, EnergyScore.level(0.34));
        assertEquals(EnergyLevel.MEDIUM, EnergyScore.level(0.66));
        assertEquals(EnergyLevel.HIGH, EnergyScore.level(0.67));
        assertEquals(EnergyLevel.HIGH, EnergyScore.level(1.0));
    }

    /**
     * {@code y} scaled to a measured (gated) loudness: the gates are relative, so scaling shifts the
     * loudness by exactly the gain, and loudness is held fixed as the analyzer defines it.
     */
    private static float[] atLoudness(float[] y, double targetDb) {
        double measured = analyse(y, 8192).loudnessDb();
        return SyntheticAudio.scaled(y, Math.pow(10, (targetDb - measured) / 20));
    }

    private static EnergyDescriptors descriptors(double[] d) {
        return new EnergyDescriptors(d[0], d[1], d[2], d[3], d[4]);
    }

    private static void assertHigher(Energy before, Energy after, String what) {
        assertTrue(after.score() > before.score(),
                what + ": score " + after.score() + " not above " + before.score() + "\n  before " + before.descriptors()
                        + "\n  after  " + after.descriptors());
    }
}
