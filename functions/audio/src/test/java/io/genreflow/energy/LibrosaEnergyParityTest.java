package io.genreflow.energy;

import io.genreflow.contracts.EnergyDescriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.features.Decibels;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.testing.LibrosaReference;
import io.genreflow.features.MelFilterBank;
import io.genreflow.features.Stft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Per-frame energy measurements against librosa 0.11 (README tolerances). */
class LibrosaEnergyParityTest {

    static final String[] SIGNALS = LibrosaReference.SIGNALS;
    private static final FeatureParams PARAMS = FeatureParams.defaults();

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void frameRmsMatchesLibrosa(String signal) {
        float[] y = LibrosaReference.signal(signal);
        double[] expected = LibrosaReference.matrix("signals/" + signal + "/rms.json")[0];
        assertEquals(expected.length, new Stft(2048, 512).frameCount(y.length));
        for (int t = 0; t < expected.length; t++) {
            double rms = Math.sqrt(FrameMeasures.meanSquare(centredFrame(y, t)));
            assertEquals(expected[t], rms, 1e-5 * expected[t], signal + " frame " + t);
        }
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void spectralCentroidMatchesLibrosa(String signal) {
        float[] y = LibrosaReference.signal(signal);
        double[] expected = LibrosaReference.matrix("signals/" + signal + "/spectral_centroid.json")[0];
        float[][] magnitude = Stft.of(PARAMS).magnitude(y);
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], FrameMeasures.centroidHz(magnitude[t], 22050.0 / 2048), 0.05, signal + " frame " + t);
        }
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void onsetStrengthMatchesLibrosa(String signal) {
        float[] y = LibrosaReference.signal(signal);
        double[] expected = LibrosaReference.vector("signals/" + signal + "/onset_strength_mean.json");
        float[][] melDb = wholeClipMelDb(y);
        double max = 0;
        for (double v : expected) {
            max = Math.max(max, v);
        }
        assertTrue(max > 0, "reference envelope is not all zero");
        // librosa shifts the envelope by lag + n_fft / (2 hop) = 3 frames and trims it to the frame count
        for (int t = 0; t < expected.length; t++) {
            double actual = t < 3 ? 0 : FrameMeasures.risingSum(melDb[t - 3], melDb[t - 2], Float.NEGATIVE_INFINITY) / 128;
            assertEquals(expected[t], actual, 2e-4 * max, signal + " frame " + t);
        }
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void analyzerFramesTheTrackLikeLibrosa(String signal) {
        float[] y = LibrosaReference.signal(signal);
        double[] rms = LibrosaReference.matrix("signals/" + signal + "/rms.json")[0];
        double[] centroid = LibrosaReference.matrix("signals/" + signal + "/spectral_centroid.json")[0];
        double absoluteGated = gatedMeanDb(rms, EnergyAnalyzer.ABSOLUTE_GATE_DB);
        double expectedLoudness = gatedMeanDb(rms, absoluteGated + EnergyAnalyzer.RELATIVE_GATE_DB);
        double centroidSum = 0;
        int gated = 0;
        for (int t = 0; t < rms.length; t++) {
            if (20 * Math.log10(rms[t]) >= EnergyAnalyzer.ABSOLUTE_GATE_DB) {
                centroidSum += centroid[t];
                gated++;
            }
        }
        EnergyAnalyzer analyzer = new EnergyAnalyzer(PARAMS);
        analyzer.accept(y, 0, y.length);
        EnergyDescriptors descriptors = analyzer.finish();
        assertEquals(expectedLoudness, descriptors.loudnessDb(), 1e-4, signal + " gated loudness from librosa's frame RMS");
        assertEquals(centroidSum / gated, descriptors.spectralCentroidHz(), 0.05, signal + " mean centroid");
    }

    /** librosa's melspectrogram in dB for the whole clip: one top_db floor for the whole matrix. */
    private static float[][] wholeClipMelDb(float[] y) {
        float[][] power = Stft.of(PARAMS).power(y);
        MelFilterBank bank = MelFilterBank.of(PARAMS);
        float[][] mel = new float[power.length][bank.bands()];
        for (int t = 0; t < power.length; t++) {
            bank.apply(power[t], mel[t]);
        }
        Decibels.powerToDb(mel, mel, 80);
        return mel;
    }

    private static float[] centredFrame(float[] y, int t) {
        float[] frame = new float[2048];
        for (int i = 0; i < 2048; i++) {
            int source = t * 512 - 1024 + i;
            frame[i] = source >= 0 && source < y.length ? y[source] : 0f;
        }
        return frame;
    }

    private static double gatedMeanDb(double[] rms, double gateDb) {
        double sum = 0;
        int count = 0;
        for (double r : rms) {
            if (20 * Math.log10(r) >= gateDb) {
                sum += r * r;
                count++;
            }
        }
        return 10 * Math.log10(sum / count);
    }
}
