package io.genreflow.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnippetParamsTest {

    @Test
    void defaultsAreThreeSecondSnippetsEverySecond() {
        SnippetParams params = SnippetParams.defaults();
        assertEquals(3.0, params.snippetSeconds());
        assertEquals(1.0, params.hopSeconds());
        assertEquals(-60.0, params.silenceThresholdDbfs());
        assertEquals(66150, params.snippetSamples(22050));
        assertEquals(22050, params.hopSamples(22050));
    }

    @Test
    void roundsToTheNearestSample() {
        SnippetParams params = new SnippetParams(0.1, 0.05, -60);
        assertEquals(1103, params.snippetSamples(11025));
        assertEquals(551, params.hopSamples(11025));
    }

    @ParameterizedTest(name = "snippet {0} s, hop {1} s, threshold {2} dBFS")
    @CsvSource({"0, 1, -60", "-3, 1, -60", "NaN, 1, -60", "Infinity, 1, -60", "3, 0, -60", "3, 3.5, -60",
        "3, NaN, -60", "3, 1, 0", "3, 1, 6", "3, 1, -150", "3, 1, NaN"})
    void rejectsParamsThatCannotWork(double snippet, double hop, double threshold) {
        assertThrows(IllegalArgumentException.class, () -> new SnippetParams(snippet, hop, threshold));
    }

    @Test
    void rejectsLengthsThatRoundToNoSamples() {
        SnippetParams tiny = new SnippetParams(0.00001, 0.00001, -60);
        assertThrows(IllegalArgumentException.class, () -> tiny.snippetSamples(8000));
        assertThrows(IllegalArgumentException.class, () -> SnippetParams.defaults().hopSamples(0));
    }
}
