package io.genreflow.features;

import io.genreflow.manifest.FeatureParams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.testing.LibrosaReference;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class FilterBankTest {

    @Test
    void melBankMatchesLibrosaAt22050() {
        MelFilterBank bank = MelFilterBank.of(FeatureParams.defaults());
        double[][] expected = LibrosaReference.matrix("filters/mel_sr22050_nfft2048_n128.json");
        assertMatches(expected, dense(bank.bands(), bank.bins(), bank::apply), "mel 22050/2048/128");
        assertEquals(positives(expected), bank.nonZeros(), "only the non-zero weights are stored");
    }

    @Test
    void melBankMatchesLibrosaAt12000() {
        MelFilterBank bank = MelFilterBank.slaney(12000, 512, 96, 0, 6000);
        double[][] expected = LibrosaReference.matrix("filters/mel_sr12000_nfft512_n96.json");
        assertMatches(expected, dense(bank.bands(), bank.bins(), bank::apply), "mel 12000/512/96");
    }

    @Test
    void chromaBankMatchesLibrosaWithHalfItsWeights() {
        ChromaFilterBank bank = ChromaFilterBank.of(FeatureParams.defaults());
        double[][] expected = LibrosaReference.matrix("filters/chroma_sr22050_nfft2048.json");
        assertMatches(expected, dense(bank.pitchClasses(), bank.bins(), bank::apply), "chroma 22050/2048");
        assertTrue(bank.nonZeros() < 0.5 * 12 * 1025, "kept " + bank.nonZeros() + " of 12300 weights");
    }

    @Test
    void chromaBankDropsOnlyNegligibleWeights() {
        double[][] full = ChromaFilterBank.denseWeights(22050, 2048, 12);
        ChromaFilterBank bank = ChromaFilterBank.ellis(22050, 2048, 12);
        float[][] kept = dense(12, 1025, bank::apply);
        for (int k = 0; k < 1025; k++) {
            double columnMax = 0;
            for (double[] row : full) {
                columnMax = Math.max(columnMax, row[k]);
            }
            for (int c = 0; c < 12; c++) {
                if (kept[c][k] == 0f) {
                    assertTrue(full[c][k] <= ChromaFilterBank.DROP_BELOW * columnMax, "dropped weight " + c + "," + k);
                } else {
                    assertEquals(full[c][k], kept[c][k], 1e-7 * columnMax);
                }
            }
        }
    }

    @Test
    void wholeSpectrogramProjectionEqualsFrameByFrame() {
        MelFilterBank mel = MelFilterBank.of(FeatureParams.defaults());
        ChromaFilterBank chroma = ChromaFilterBank.of(FeatureParams.defaults());
        float[][] byFrame = randomPower(37, 1025);
        float[][] byBin = new float[1025][37];
        FloatMatrices.transpose(byFrame, byBin);
        assertProjectionsAgree(byFrame, byBin, mel.bands(), mel::apply, mel::applyToFrames);
        assertProjectionsAgree(byFrame, byBin, chroma.pitchClasses(), chroma::apply, chroma::applyToFrames);
    }

    @Test
    void rejectsBandsThatCoverNoBin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MelFilterBank.slaney(22050, 256, 128, 0, 11025));
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
    }

    private static void assertProjectionsAgree(float[][] byFrame, float[][] byBin, int rows,
                                               BiConsumer<float[], float[]> perFrame, BiConsumer<float[][], float[][]> whole) {
        float[][] together = new float[rows][byFrame.length];
        whole.accept(byBin, together);
        for (int t = 0; t < byFrame.length; t++) {
            float[] one = new float[rows];
            perFrame.accept(byFrame[t], one);
            for (int r = 0; r < rows; r++) {
                assertEquals(one[r], together[r][t], 1e-5 * Math.abs(one[r]) + 1e-12, "row " + r + " frame " + t);
            }
        }
    }

    private static float[][] randomPower(int frames, int bins) {
        Random random = new Random(42);
        float[][] power = new float[frames][bins];
        for (float[] frame : power) {
            for (int k = 0; k < bins; k++) {
                frame[k] = (float) Math.exp(6 * random.nextGaussian());
            }
        }
        return power;
    }

    /** The bank as a matrix, read back column by column by projecting unit spectra. */
    private static float[][] dense(int rows, int bins, BiConsumer<float[], float[]> apply) {
        float[][] matrix = new float[rows][bins];
        float[] unit = new float[bins];
        float[] column = new float[rows];
        for (int k = 0; k < bins; k++) {
            unit[k] = 1f;
            apply.accept(unit, column);
            unit[k] = 0f;
            for (int r = 0; r < rows; r++) {
                matrix[r][k] = column[r];
            }
        }
        return matrix;
    }

    private static void assertMatches(double[][] expected, float[][] actual, String what) {
        double max = 0;
        for (double[] row : expected) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        ParityAssertions.assertAbsolute(expected, actual, 1e-6 * max, what);
    }

    private static int positives(double[][] matrix) {
        int count = 0;
        for (double[] row : matrix) {
            for (double v : row) {
                count += v > 0 ? 1 : 0;
            }
        }
        return count;
    }
}
