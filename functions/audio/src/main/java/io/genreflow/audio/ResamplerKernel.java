package io.genreflow.audio;

/**
 * Computes one output sample of a rate conversion from the input samples around it: the
 * arithmetic of resampy's {@code resample_f} ({@code kaiser_best}/{@code kaiser_fast} in librosa),
 * ported so that the outputs match it to rounding.
 *
 * <p>Output {@code t} sits at input time {@code τ = t · (in/out)}; with {@code n = ⌊τ⌋}, the
 * left wing weighs {@code x[n], x[n-1], …} and the right wing {@code x[n+1], x[n+2], …} with
 * the tabulated filter read every {@code indexStep} entries, starting at the fractional offsets
 * {@code scale·(τ-n)} and {@code scale-scale·(τ-n)} zero crossings. {@code scale = min(1, out/in)}
 * widens the filter when downsampling so that it cuts at the output's Nyquist frequency. Note that
 * resampy truncates {@code indexStep = ⌊scale · steps⌋} while the offsets use the exact scale; the
 * port keeps that, because it shifts taps by up to one table step (outputs by ~1e-5).
 *
 * <p>When the rate ratio reduces to {@code L/M} with few enough phases, output {@code t} only
 * depends on its phase {@code t mod L}, so each phase's taps are interpolated from the table
 * once, up front, and an output is a plain dot product. Otherwise every output interpolates the
 * table itself.
 */
final class ResamplerKernel {

    /** Most output phases (L) the kernel precomputes; beyond that it interpolates per sample. */
    static final int MAX_PHASES = 4096;

    /** Most precomputed coefficients in all (8 MB of doubles). */
    private static final int MAX_COEFFICIENTS = 1 << 20;

    private final ResamplerFilter filter;
    private final long outStep;
    private final long inStep;
    private final double scale;
    private final double gain;
    private final double timeIncrement;
    private final int indexStep;
    private final int reach;

    private final double[] coefficients;
    private final int[] phaseStart;
    private final int[] phaseFirst;
    private final int[] phaseLength;

    ResamplerKernel(ResamplerQuality quality, int inRate, int outRate, int maxPhases) {
        filter = ResamplerFilter.of(quality);
        long divisor = gcd(inRate, outRate);
        outStep = outRate / divisor;
        inStep = inRate / divisor;
        // The same double expressions as resampy, so that τ and the offsets round the same way.
        double sampleRatio = (double) outRate / inRate;
        scale = Math.min(1.0, sampleRatio);
        gain = sampleRatio < 1 ? sampleRatio : 1.0;
        timeIncrement = 1.0 / sampleRatio;
        indexStep = (int) (scale * filter.stepsPerZeroCrossing());
        if (indexStep < 1) {
            throw new IllegalArgumentException("cannot downsample " + inRate + " Hz to " + outRate
                    + " Hz: the " + quality + " filter supports ratios up to "
                    + filter.stepsPerZeroCrossing() + ":1");
        }
        // One sample of margin on each side: τ's rounding may put resampy's n one below or above ⌊t·M/L⌋.
        reach = filter.length() / indexStep + 1;

        long tapsPerPhase = 2L * (filter.length() / indexStep) + 1;
        if (outStep <= maxPhases && outStep * tapsPerPhase <= MAX_COEFFICIENTS) {
            int phases = (int) outStep;
            phaseStart = new int[phases];
            phaseFirst = new int[phases];
            phaseLength = new int[phases];
            coefficients = new double[(int) (phases * tapsPerPhase)];
            int next = 0;
            for (int p = 0; p < phases; p++) {
                phaseStart[p] = next;
                next += fillPhase(p, next);
            }
        } else {
            coefficients = null;
            phaseStart = phaseFirst = phaseLength = null;
        }
    }

    /** Input samples an output may need on either side of {@code ⌊t·M/L⌋}. */
    int reach() {
        return reach;
    }

    /** Output samples per cycle of the reduced ratio (L in out/in = L/M). */
    long outStep() {
        return outStep;
    }

    /** Input samples per cycle of the reduced ratio (M in out/in = L/M). */
    long inStep() {
        return inStep;
    }

    /** Whether outputs are dot products with precomputed phase coefficients. */
    boolean isPolyphase() {
        return coefficients != null;
    }

    /**
     * Output sample {@code t}, whose phase is {@code t mod L} and whose exact anchor
     * {@code n = ⌊t·M/L⌋} is {@code history[anchor]}; history must hold {@link #reach()} samples
     * on each side of the anchor (zeros beyond the signal's ends).
     */
    double sample(double[] history, int anchor, long exactAnchor, long t, int phase) {
        double tau = t * timeIncrement;
        long n = (long) tau;
        if (coefficients != null && n == exactAnchor) {
            return dot(coefficients, phaseStart[phase], history, anchor + phaseFirst[phase], phaseLength[phase]);
        }
        // No table for this ratio, or τ rounded across an integer where resampy's anchor moves by one.
        int at = anchor + (int) (n - exactAnchor);
        double frac = scale * (tau - n);
        return gain * (wing(history, at, -1, frac) + wing(history, at + 1, 1, scale - frac));
    }

    private double wing(double[] history, int start, int direction, double frac) {
        double indexFrac = frac * filter.stepsPerZeroCrossing();
        int offset = (int) indexFrac;
        double eta = indexFrac - offset;
        int taps = (filter.length() - offset) / indexStep;
        double sum = 0;
        for (int i = 0, at = start; i < taps; i++, at += direction) {
            sum += filter.interpolate(offset + i * indexStep, eta) * history[at];
        }
        return sum;
    }

    /** Writes phase {@code p}'s taps in input order from {@code start}; returns how many. */
    private int fillPhase(int p, int start) {
        double frac = scale * ((double) ((p * inStep) % outStep) / outStep);
        double leftIndex = frac * filter.stepsPerZeroCrossing();
        int leftOffset = (int) leftIndex;
        double leftEta = leftIndex - leftOffset;
        int leftTaps = (filter.length() - leftOffset) / indexStep;
        double rightIndex = (scale - frac) * filter.stepsPerZeroCrossing();
        int rightOffset = (int) rightIndex;
        double rightEta = rightIndex - rightOffset;
        int rightTaps = (filter.length() - rightOffset) / indexStep;

        for (int i = 0; i < leftTaps; i++) {
            coefficients[start + leftTaps - 1 - i] = gain * filter.interpolate(leftOffset + i * indexStep, leftEta);
        }
        for (int k = 0; k < rightTaps; k++) {
            coefficients[start + leftTaps + k] = gain * filter.interpolate(rightOffset + k * indexStep, rightEta);
        }
        phaseFirst[p] = -(leftTaps - 1);
        phaseLength[p] = leftTaps + rightTaps;
        return leftTaps + rightTaps;
    }

    /** Eight independent sums keep the floating-point units busy; this loop is the hot spot. */
    private static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < length; i += 8) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
            s4 += a[aFrom + i + 4] * b[bFrom + i + 4];
            s5 += a[aFrom + i + 5] * b[bFrom + i + 5];
            s6 += a[aFrom + i + 6] * b[bFrom + i + 6];
            s7 += a[aFrom + i + 7] * b[bFrom + i + 7];
        }
        for (; i < length; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
