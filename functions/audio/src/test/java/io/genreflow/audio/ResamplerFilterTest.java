package io.genreflow.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerFilterTest {

    @Test
    void besselI0MatchesTabulatedValues() {
        // Values of numpy.i0 (Cephes), which scipy's Kaiser window uses.
        assertEquals(1.0, ResamplerFilter.besselI0(0.0));
        assertEquals(1.2660658777520082, ResamplerFilter.besselI0(1.0), 1e-15);
        assertEquals(27.239871823604442, ResamplerFilter.besselI0(5.0), 27.24 * 1e-14);
        assertEquals(48718.34656175, ResamplerFilter.besselI0(12.9846), 48718.35 * 1e-12);
        assertEquals(2568.79339651, ResamplerFilter.besselI0(9.90322), 2568.8 * 1e-12);
    }

    @Test
    void sincIsOneAtZeroAndZeroAtIntegers() {
        assertEquals(1.0, ResamplerFilter.sinc(0.0));
        assertEquals(0.0, ResamplerFilter.sinc(3.0), 1e-16);
        assertEquals(2 / Math.PI, ResamplerFilter.sinc(0.5), 1e-16);
    }

    /** Entries of the tables resampy 0.4.2 ships ({@code data/kaiser_*.npz}, read with numpy). */
    @ParameterizedTest
    @CsvSource({
        "BEST, 0, 0.917347",
        "BEST, 1, 0.9173469810437871",
        "BEST, 1000, 0.8985082348658324",
        "BEST, 136533, -0.0073840747745931",
        "BEST, 204800, 0.0004977740407401609",
        "BEST, 409600, -5.289331422066904e-08",
        "FAST, 1, 0.8682078663793662",
        "FAST, 1000, -0.12904192112088372",
        "FAST, 6144, 0.007332862822084303",
        "FAST, 12288, 2.52862410602962e-06"})
    void tableMatchesResampysShippedFilter(ResamplerQuality quality, int index, double expected) {
        ResamplerFilter filter = ResamplerFilter.of(quality);
        assertEquals(expected, filter.interpolate(index, 0.0), 1e-15);
    }

    @Test
    void tableSpansTheZeroCrossingsAtTheConfiguredPrecision() {
        ResamplerFilter best = ResamplerFilter.of(ResamplerQuality.BEST);
        assertEquals(8192, best.stepsPerZeroCrossing());
        assertEquals(50 * 8192 + 1, best.length());
        ResamplerFilter fast = ResamplerFilter.of(ResamplerQuality.FAST);
        assertEquals(512, fast.stepsPerZeroCrossing());
        assertEquals(24 * 512 + 1, fast.length());
    }

    @Test
    void interpolatesLinearlyBetweenEntriesAndFlatPastTheLast() {
        ResamplerFilter filter = ResamplerFilter.of(ResamplerQuality.FAST);
        double a = filter.interpolate(100, 0.0);
        double b = filter.interpolate(101, 0.0);
        assertEquals(a + 0.25 * (b - a), filter.interpolate(100, 0.25), 1e-17);
        int last = filter.length() - 1;
        assertEquals(filter.interpolate(last, 0.0), filter.interpolate(last, 0.9));
    }
}
