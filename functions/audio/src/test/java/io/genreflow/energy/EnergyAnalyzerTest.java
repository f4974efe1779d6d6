package io.genreflow.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.EnergyDescriptors;
import io.genreflow.manifest.FeatureParams;
import org.junit.jupiter.api.Test;

class EnergyAnalyzerTest {

    private static final FeatureParams PARAMS = FeatureParams.defaults();

    @Test
    void blockSizeDoesNotMatter() {
        float[] track = SyntheticAudio.noiseBursts(3, 4, 11);
        EnergyDescriptors whole = analyse(track, track.length);
        for (int block : new int[] {1, 7, 511, 512, 2048, 4096, 30000}) {
            assertEquals(whole, analyse(track, block), "blocks of " + block);
        }
    }

    @Test
    void countsEvenlySpacedOnsets() {
        for (int perSecond : new int[] {1, 2, 4, 8}) {
            EnergyDescriptors clicks = analyse(SyntheticAudio.clicks(perSecond, 10, 0.5f), 4096);
            assertEquals(perSecond, clicks.onsetRatePerSecond(), 0.11, perSecond + " clicks per second");
            EnergyDescriptors bursts = analyse(SyntheticAudio.noiseBursts(perSecond, 10, 5), 4096);
            assertEquals(perSecond, bursts.onsetRatePerSecond(), 0.11, perSecond + " bursts per second");
        }
    }

    @Test
    void steadySoundsHaveNoOnsetsBeyondTheirStart() {
        EnergyDescriptors tone = analyse(SyntheticAudio.tone(440, 10, 0.5), 4096);
        assertTrue(tone.onsetRatePerSecond() <= 0.1, "tone: " + tone);
        EnergyDescriptors noise = analyse(SyntheticAudio.noiseBursts(1, 10, 3), 4096);
        assertTrue(noise.spectralFlux() > 10 * tone.spectralFlux(), "noise changes its spectrum, a tone does not");
    }

    @Test
    void measuresLevelsInDbfs() {
        // a sine of peak 0.5 has RMS 0.5 / sqrt(2): -9.03 dBFS
        EnergyDescriptors tone = analyse(SyntheticAudio.tone(1000, 5, 0.5), 4096);
        assertEquals(-9.03, tone.loudnessDb(), 0.05, "the half-padded edge frames pull it down slightly");
        assertEquals(0, tone.dynamicRangeDb(), 0.2);
        assertEquals(1000, tone.spectralCentroidHz(), 15);
        // bursts: loud peaks 40 dB above the bed give a wide range
        assertTrue(analyse(SyntheticAudio.noiseBursts(1, 10, 1), 4096).dynamicRangeDb() > 15);
    }

    @Test
    void silenceMeasuresNothing() {
        EnergyDescriptors silence = analyse(new float[22050 * 3], 4096);
        assertEquals(new EnergyDescriptors(LevelHistogram.FLOOR_DB, 0, 0, 0, 0), silence);
        EnergyAnalyzer empty = new EnergyAnalyzer(PARAMS);
        assertEquals(new EnergyDescriptors(LevelHistogram.FLOOR_DB, 0, 0, 0, 0), empty.finish());
    }

    @Test
    void worksAtOtherModelParameters() {
        FeatureParams crnn = new FeatureParams(12000, 512, 256, 96, 0, 6000, 12, 80, 1024, 1024, FeatureParams.Framing.TRACK);
        float[] tone = new float[12000 * 3];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 750 * i / 12000.0));
        }
        EnergyAnalyzer analyzer = new EnergyAnalyzer(crnn);
        analyzer.accept(tone, 0, tone.length);
        EnergyDescriptors descriptors = analyzer.finish();
        assertEquals(750, descriptors.spectralCentroidHz(), 15);
        assertEquals(-9.03, descriptors.loudnessDb(), 0.05);
    }

    @Test
    void refusesSamplesAfterTheEnd() {
        EnergyAnalyzer analyzer = new EnergyAnalyzer(PARAMS);
        analyzer.accept(new float[100], 0, 100);
        EnergyDescriptors first = analyzer.finish();
        assertEquals(first, analyzer.finish(), "finish is idempotent");
        assertThrows(IllegalStateException.class, () -> analyzer.accept(new float[10], 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> new EnergyAnalyzer(PARAMS).accept(new float[10], 5, 10));
        assertEquals(100, analyzer.samples());
    }

    static EnergyDescriptors analyse(float[] track, int blockSize) {
        EnergyAnalyzer analyzer = new EnergyAnalyzer(PARAMS);
        for (int offset = 0; offset < track.length; offset += blockSize) {
            analyzer.accept(track, offset, Math.min(blockSize, track.length - offset));
        }
        return analyzer.finish();
    }
}
