package io.genreflow.verdict;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetPoolingTest {

    private static final float[][] SNIPPETS = {
            {0.1f, 0.7f, 0.2f},
            {0.6f, 0.3f, 0.1f},
            {0.2f, 0.5f, 0.3f},
            {0.0f, 0.25f, 0.75f},
    };

    @Test
    void meanIsThePerClassAverageOfAllSnippets() {
        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = ((double) SNIPPETS[0][c] + SNIPPETS[1][c] + SNIPPETS[2][c] + SNIPPETS[3][c]) / 4;
        }

        assertArrayEquals(expected, SnippetPooling.mean(SNIPPETS, null), 1e-12);
    }

    @Test
    void meanIsTheSeedArticlesSumRescaledSoItStaysADistribution() {
        double[] mean = SnippetPooling.mean(SNIPPETS, null);

        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (float[] snippet : SNIPPETS) {
                sum += snippet[c];
            }
            assertEquals(sum, mean[c] * SNIPPETS.length, 1e-9);
        }
        assertEquals(1.0, mean[0] + mean[1] + mean[2], 1e-6);
    }

    @Test
    void silentSnippetsAreLeftOut() {
        boolean[] silent = {false, true, false, true};
        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = ((double) SNIPPETS[0][c] + SNIPPETS[2][c]) / 2;
        }

        assertArrayEquals(expected, SnippetPooling.mean(SNIPPETS, silent), 1e-12);
    }

    @Test
    void aTrackThatIsSilentThroughoutStillGetsAScoreFromEverySnippet() {
        boolean[] allSilent = {true, true, true, true};

        assertArrayEquals(SnippetPooling.mean(SNIPPETS, null), SnippetPooling.mean(SNIPPETS, allSilent), 0);
        assertArrayEquals(SnippetPooling.voteShares(SNIPPETS, null), SnippetPooling.voteShares(SNIPPETS, allSilent), 0);
    }

    @Test
    void voteSharesCountEachSnippetsMostProbableLabel() {
        // argmaxes: 1, 0, 1, 2
        assertArrayEquals(new double[] {1 / 4.0, 2 / 4.0, 1 / 4.0}, SnippetPooling.voteShares(SNIPPETS, null), 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                SnippetPooling.voteShares(SNIPPETS, new boolean[] {false, false, true, false}), 1e-12);
    }

    @Test
    void singleSnippetTrackScoreIsThatSnippet() {
        float[][] one = {{0.25f, 0.75f}};

        assertArrayEquals(new double[] {0.25, 0.75}, SnippetPooling.mean(one, null), 0);
    }

    @Test
    void malformedInputIsRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SnippetPooling.mean(new float[0][], null));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> SnippetPooling.mean(new float[][] {{0.5f, 0.5f}, {1f}}, null));
        assertTrue(ragged.getMessage().contains("snippet 1"), ragged.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SnippetPooling.mean(new float[][] {{Float.NaN, 0.5f}}, null));
        assertThrows(IllegalArgumentException.class,
                () -> SnippetPooling.mean(new float[][] {{-0.1f, 1.1f}}, null));
        IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                () -> SnippetPooling.mean(SNIPPETS, new boolean[2]));
        assertTrue(mask.getMessage().contains("silence mask"), mask.getMessage());
    }
}
