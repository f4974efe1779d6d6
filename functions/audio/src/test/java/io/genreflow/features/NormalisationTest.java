package io.genreflow.features;

import io.genreflow.manifest.Normalisation;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.json.Json;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void standardisesEachColumn() {
        float[][] features = {{1f, 10f}, {3f, 30f}};
        new Normalisation(new double[] {2, 20}, new double[] {1, 10}).apply(features);
        assertArrayEquals(new float[] {-1f, -1f}, features[0]);
        assertArrayEquals(new float[] {1f, 1f}, features[1]);
    }

    @Test
    void scalarPairAppliesToEveryColumn() {
        float[][] features = {{0f, 4f, 8f}};
        Normalisation.scalar(4, 2).apply(features);
        assertArrayEquals(new float[] {-2f, 0f, 2f}, features[0]);
    }

    @Test
    void accumulatedStatisticsStandardiseTheData() {
        Random random = new Random(7);
        NormalisationAccumulator accumulator = new NormalisationAccumulator(3);
        float[][][] batches = new float[20][][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new float[50][3];
            for (float[] row : batches[b]) {
                row[0] = (float) (-60 + 15 * random.nextGaussian());
                row[1] = (float) (0.5 + 0.1 * random.nextGaussian());
                row[2] = (float) (1e3 + 5 * random.nextGaussian());
            }
            accumulator.add(batches[b]);
        }
        assertEquals(1000, accumulator.count());
        Normalisation normalisation = accumulator.perColumn();
        double[] sum = new double[3];
        double[] sumSquares = new double[3];
        for (float[][] batch : batches) {
            normalisation.apply(batch);
            for (float[] row : batch) {
                for (int j = 0; j < 3; j++) {
                    sum[j] += row[j];
                    sumSquares[j] += row[j] * row[j];
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(0, sum[j] / 1000, 1e-4, "mean of column " + j);
            assertEquals(1, sumSquares[j] / 1000, 1e-4, "variance of column " + j);
        }
    }

    @Test
    void mergingEqualsAccumulatingEverythingInOne() {
        float[][] a = {{1f, 2f}, {3f, 5f}, {4f, 4f}};
        float[][] b = {{10f, -2f}};
        NormalisationAccumulator whole = new NormalisationAccumulator(2);
        whole.add(a);
        whole.add(b);
        NormalisationAccumulator left = new NormalisationAccumulator(2);
        left.add(a);
        NormalisationAccumulator right = new NormalisationAccumulator(2);
        right.add(b);
        left.merge(right);
        assertArrayEquals(whole.perColumn().mean(), left.perColumn().mean(), 1e-12);
        assertArrayEquals(whole.perColumn().std(), left.perColumn().std(), 1e-12);
        // column 0 is {1, 3, 4, 10}: mean 4.5, population variance 11.25
        assertEquals(4.5, whole.perColumn().mean()[0], 1e-12);
        assertEquals(Math.sqrt(11.25), whole.perColumn().std()[0], 1e-12);
    }

    @Test
    void globalStatisticsPoolEveryValue() {
        NormalisationAccumulator accumulator = new NormalisationAccumulator(2);
        accumulator.add(new float[][] {{1f, 2f}, {3f, 6f}});
        Normalisation global = accumulator.global();
        // values {1, 2, 3, 6}: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5
        assertEquals(3.0, global.mean()[0], 1e-12);
        assertEquals(Math.sqrt(3.5), global.std()[0], 1e-12);
    }

    @Test
    void constantColumnsAreCentredNotBlownUp() {
        NormalisationAccumulator accumulator = new NormalisationAccumulator(1);
        accumulator.add(new float[][] {{-100f}, {-100f}});
        assertEquals(1.0, accumulator.perColumn().std()[0]);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        Normalisation original = new Normalisation(new double[] {-42.5, 0.25}, new double[] {12.0, 0.125});
        String json = Json.mapper().writeValueAsString(original);
        assertEquals("{\"mean\":[-42.5,0.25],\"std\":[12.0,0.125]}", json);
        assertEquals(original, Json.mapper().readValue(json, Normalisation.class));
    }

    @Test
    void rejectsUnusableStatistics() {
        assertThrows(IllegalArgumentException.class, () -> new Normalisation(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Normalisation(new double[] {0, 1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Normalisation(new double[] {Double.NaN}, new double[] {1}));
        Normalisation twoColumns = new Normalisation(new double[] {0, 0}, new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> twoColumns.apply(new float[][] {{1f, 2f, 3f}}));
        assertThrows(IllegalStateException.class, () -> new NormalisationAccumulator(2).perColumn());
    }
}
