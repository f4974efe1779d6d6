package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.testing.LibrosaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The representations against librosa 0.11 on the three reference signals (README tolerances). */
class LibrosaParityTest {

    static final String[] SIGNALS = LibrosaReference.SIGNALS;
    private static final FeatureParams DEFAULTS = FeatureParams.defaults();
    /** The 2016 CRNN's front end: 12 kHz, n_fft 512, hop 256, 96 mel bands up to 6 kHz. */
    private static final FeatureParams CRNN_12K = new FeatureParams(12000, 512, 256, 96, 0, 6000, 12, 80, 1024, 1024, FeatureParams.Framing.TRACK);

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void melPowerMatchesLibrosa(String signal) {
        float[][] mel = melPower(LibrosaReference.signal(signal), DEFAULTS);
        double[][] expected = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/mel128_power.json"));
        ParityAssertions.assertScaled(expected, mel, 3e-6, 2e-5, signal + " mel128_power");
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void logMelMatchesLibrosa(String signal) {
        float[] y = LibrosaReference.signal(signal);
        FeatureExtractor logMel = FeatureExtractor.create(Representation.LOGMEL, DEFAULTS);
        double[][] expected = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/mel128_db.json"));
        ParityAssertions.assertDecibels(expected, logMel.extract(y), signal + " mel128_db");
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void spectrogramIsLibrosaAmplitudeToDb(String signal) {
        float[] y = LibrosaReference.signal(signal);
        FeatureExtractor spectrogram = FeatureExtractor.create(Representation.SPECTROGRAM, DEFAULTS);
        double[][] magnitude = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/stft_mag.json"));
        ParityAssertions.assertDecibels(amplitudeToDb(magnitude, 80), spectrogram.extract(y), signal + " amplitude_to_db(stft_mag)");
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void chromaMatchesLibrosa(String signal) {
        float[] y = LibrosaReference.signal(signal);
        FeatureExtractor chroma = FeatureExtractor.create(Representation.CHROMA, DEFAULTS);
        double[][] expected = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/chroma_stft.json"));
        ParityAssertions.assertAbsolute(expected, chroma.extract(y), 1e-5, signal + " chroma_stft");
    }

    @ParameterizedTest
    @FieldSource("SIGNALS")
    void parametersComeFromFeatureParams(String signal) {
        float[] y12k = toFloat(LibrosaReference.vector("signals/" + signal + "/resampled_12k.json"));
        double[][] power = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/mel96_12k_power.json"));
        ParityAssertions.assertScaled(power, melPower(y12k, CRNN_12K), 3e-6, 2e-5, signal + " mel96_12k_power");
        double[][] db = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/mel96_12k_db.json"));
        FeatureExtractor logMel = FeatureExtractor.create(Representation.LOGMEL, CRNN_12K);
        ParityAssertions.assertDecibels(db, logMel.extract(y12k), signal + " mel96_12k_db");
        assertArrayEquals(new int[] {db.length, 96}, logMel.shape(y12k.length));
    }

    @Test
    void shapesAtTheDefaults() {
        FeatureSetExtractor all = FeatureSetExtractor.all(DEFAULTS);
        assertArrayEquals(new int[] {130, 128}, all.shape(Representation.LOGMEL, 66150));
        assertArrayEquals(new int[] {130, 1025}, all.shape(Representation.SPECTROGRAM, 66150));
        assertArrayEquals(new int[] {130, 12}, all.shape(Representation.CHROMA, 66150));
        assertArrayEquals(new int[] {64, 1024}, all.shape(Representation.WAVEFORM, 66150));
        assertArrayEquals(new int[] {44, 128}, all.shape(Representation.LOGMEL, 22050));
        float[][] chroma = all.extract(LibrosaReference.signal("c_cmajor")).get(Representation.CHROMA);
        assertEquals(44, chroma.length);
    }

    private static float[][] melPower(float[] y, FeatureParams params) {
        float[][] power = Stft.of(params).power(y);
        MelFilterBank bank = MelFilterBank.of(params);
        float[][] mel = new float[power.length][bank.bands()];
        for (int t = 0; t < power.length; t++) {
            bank.apply(power[t], mel[t]);
        }
        return mel;
    }

    /** librosa's amplitude_to_db(S, ref=1, amin=1e-5, top_db), written independently in double. */
    private static double[][] amplitudeToDb(double[][] magnitude, double topDb) {
        double max = Double.NEGATIVE_INFINITY;
        double[][] db = new double[magnitude.length][];
        for (int r = 0; r < magnitude.length; r++) {
            db[r] = new double[magnitude[r].length];
            for (int c = 0; c < db[r].length; c++) {
                db[r][c] = 20 * Math.log10(Math.max(1e-5, magnitude[r][c]));
                max = Math.max(max, db[r][c]);
            }
        }
        for (double[] row : db) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.max(row[c], max - topDb);
            }
        }
        return db;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
