package io.genreflow.maths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void matchesTheDefinitionOnModerateLogits() {
        float[] scores = {1f, 2f, 3f};
        Softmax.inPlace(scores);

        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new float[] {(float) (Math.exp(1) / sum), (float) (Math.exp(2) / sum),
                (float) (Math.exp(3) / sum)}, scores, 1e-7f);
    }

    @Test
    void extremeLogitsNeitherOverflowNorUnderflowToNaN() {
        float[] scores = {1000f, 0f, -1000f};
        Softmax.inPlace(scores);

        assertArrayEquals(new float[] {1f, 0f, 0f}, scores);
    }

    @Test
    void equalLogitsGiveAUniformDistribution() {
        float[] scores = {-7f, -7f, -7f, -7f};
        Softmax.inPlace(scores);

        for (float p : scores) {
            assertEquals(0.25f, p);
        }
    }
}
