package io.genreflow.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The right half of a Kaiser-windowed sinc low-pass filter, tabulated finely enough that linear
 * interpolation between entries stands in for the continuous filter.
 *
 * <p>The maths is that of resampy's {@code sinc_window} (Smith's band-limited interpolation):
 * entry {@code j} lies {@code j / 2^precision} zero crossings from the centre and holds
 * {@code rolloff · sinc(rolloff · x) · kaiser(x)}, with the Kaiser window stretched over the
 * kept zero crossings. Tables are immutable and shared, one per {@link ResamplerQuality}.
 */
final class ResamplerFilter {

    private static final Map<ResamplerQuality, ResamplerFilter> CACHE = new ConcurrentHashMap<>();

    private final int stepsPerZeroCrossing;
    private final int length;
    private final double[] table;

    private ResamplerFilter(ResamplerQuality quality) {
        stepsPerZeroCrossing = 1 << quality.precisionBits();
        int halfWidth = stepsPerZeroCrossing * quality.zeroCrossings();
        length = halfWidth + 1;
        // One extra copy of the last value, so that interpolating at the last entry reads a zero slope
        // (resampy pads its difference table the same way).
        table = new double[length + 1];
        double rolloff = quality.rolloff();
        double beta = quality.kaiserBeta();
        double windowNorm = besselI0(beta);
        for (int j = 0; j < length; j++) {
            double x = (double) j / stepsPerZeroCrossing;
            double u = (double) j / halfWidth;
            double taper = besselI0(beta * Math.sqrt(1 - u * u)) / windowNorm;
            table[j] = taper * (rolloff * sinc(rolloff * x));
        }
        table[length] = table[length - 1];
    }

    /** The shared table of {@code quality}, built on first use. */
    static ResamplerFilter of(ResamplerQuality quality) {
        return CACHE.computeIfAbsent(quality, ResamplerFilter::new);
    }

    /** Table entries per zero crossing of the sinc (resampy's {@code num_table}). */
    int stepsPerZeroCrossing() {
        return stepsPerZeroCrossing;
    }

    /** Number of real entries (resampy's {@code nwin}); entry {@code length()} repeats the last one. */
    int length() {
        return length;
    }

    /** The filter between entries {@code index} and {@code index + 1}, {@code eta} of the way (0..1). */
    double interpolate(int index, double eta) {
        double here = table[index];
        return here + eta * (table[index + 1] - here);
    }

    /** Normalised sinc, sin(πx)/(πx). */
    static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /**
     * Modified Bessel function of the first kind, order 0, from its power series
     * Σ ((x/2)^k / k!)². All terms are positive, so the sum carries no cancellation error; it
     * converges in a few dozen terms for the window arguments used here (|x| below ~20).
     */
    static double besselI0(double x) {
        double quarterSquare = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
