package io.genreflow.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming band-limited sample-rate converter: a port of resampy's Kaiser-windowed sinc
 * interpolation as librosa runs it ({@code librosa.resample(y, orig_sr, target_sr,
 * res_type='kaiser_best')}), so that features computed from its output match librosa's.
 *
 * <p>Feed input with {@link #process} in blocks of any size, then call {@link #flush} until it
 * returns -1. The concatenated output does not depend on the block sizes and equals
 * {@link #resample}'s. Memory is fixed at construction: about two filter lengths of input
 * history plus the precomputed taps, whatever the length of the signal.
 *
 * <p>Like librosa, the output has {@link #outputLength} samples: resampy computes
 * {@code ⌊n·out/in⌋} of them (treating input beyond both ends as silence) and librosa's
 * {@code fix_length} pads the rest with zeros. Equal rates pass samples through untouched.
 *
 * <p>Not thread-safe; use one instance per signal.
 */
public final class Resampler {

    /** Highest rate accepted, in Hz; well above any audio format in use (768 kHz). */
    public static final int MAX_RATE = 1_000_000;

    /** Input samples added to the history between two compactions. */
    private static final int CHUNK = 4096;

    /** Output samples one input block should produce at most, which bounds buffers for large upsampling ratios. */
    private static final int OUTPUT_BLOCK = 16384;

    private final int inRate;
    private final int outRate;
    private final ResamplerQuality quality;
    private final ResamplerKernel kernel;
    private final double[] history;

    /** Absolute input index of {@code history[0]}; negative indices are the silence before the signal. */
    private long historyStart;
    private int historyLength;
    private long received;
    private long produced;
    /** Exact anchor of the next output is {@code cycleInput + ⌊phase·M/L⌋}. */
    private long cycleInput;
    private int phase;

    private boolean ended;
    private long computedEnd;
    private long totalOutput;

    /** A converter with the {@link ResamplerQuality#BEST} filter (librosa's {@code kaiser_best}). */
    public Resampler(int inRate, int outRate) {
        this(inRate, outRate, ResamplerQuality.BEST);
    }

    public Resampler(int inRate, int outRate, ResamplerQuality quality) {
        this(inRate, outRate, quality, ResamplerKernel.MAX_PHASES);
    }

    /** {@code maxPhases} bounds the precomputed phase tables; 0 forces per-sample table interpolation. */
    Resampler(int inRate, int outRate, ResamplerQuality quality, int maxPhases) {
        requireRate("input", inRate);
        requireRate("output", outRate);
        this.inRate = inRate;
        this.outRate = outRate;
        this.quality = Objects.requireNonNull(quality, "quality");
        if (inRate == outRate) {
            kernel = null;
            history = null;
        } else {
            kernel = new ResamplerKernel(quality, inRate, outRate, maxPhases);
            history = new double[2 * kernel.reach() + CHUNK + 2];
            // The signal is silent before its first sample, as resampy assumes.
            historyStart = -kernel.reach();
            historyLength = kernel.reach();
        }
    }

    /**
     * Resamples a whole signal at once; the same samples as streaming it, and as
     * {@code librosa.resample(x, orig_sr=inRate, target_sr=outRate, res_type='kaiser_best')}.
     */
    public static float[] resample(float[] x, int inRate, int outRate) {
        return resample(x, inRate, outRate, ResamplerQuality.BEST);
    }

    public static float[] resample(float[] x, int inRate, int outRate, ResamplerQuality quality) {
        long length = outputLength(x.length, inRate, outRate);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampling " + x.length + " samples from " + inRate + " Hz to "
                    + outRate + " Hz gives " + length + " samples, too many for one array; stream it instead");
        }
        Resampler resampler = new Resampler(inRate, outRate, quality);
        float[] y = new float[(int) length];
        int block = resampler.inputBlock();
        float[] scratch = new float[resampler.maxOutputFor(block)];
        int written = 0;
        for (int offset = 0; offset < x.length; offset += block) {
            int got = resampler.process(x, offset, Math.min(block, x.length - offset), scratch, 0);
            System.arraycopy(scratch, 0, y, written, got);
            written += got;
        }
        for (int got; (got = resampler.flush(scratch, 0, scratch.length)) >= 0; written += got) {
            System.arraycopy(scratch, 0, y, written, got);
        }
        return y;
    }

    /**
     * Length of {@code inputLength} samples converted from {@code inRate} to {@code outRate}:
     * librosa's {@code ceil(n · (out/in))}, evaluated in double as librosa does (so 22050 samples
     * from 22050 Hz to 12000 Hz give 12001).
     */
    public static long outputLength(long inputLength, int inRate, int outRate) {
        requireRate("input", inRate);
        requireRate("output", outRate);
        if (inputLength < 0) {
            throw new IllegalArgumentException("input length must not be negative, got " + inputLength);
        }
        if (inRate == outRate) {
            return inputLength;
        }
        return (long) Math.ceil(inputLength * ((double) outRate / inRate));
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    public ResamplerQuality quality() {
        return quality;
    }

    /** Room {@link #process} needs in its output array for {@code inputLength} input samples. */
    public int maxOutputFor(int inputLength) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("input length must not be negative, got " + inputLength);
        }
        if (kernel == null) {
            return inputLength;
        }
        long bound = inputLength * kernel.outStep() / kernel.inStep() + 1;
        if (bound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(inputLength + " input samples at " + inRate + " Hz make more than "
                    + Integer.MAX_VALUE + " samples at " + outRate + " Hz; feed smaller blocks");
        }
        return (int) bound;
    }

    /** A convenient input block size: at most {@link #CHUNK}, and small enough to keep its output within {@link #OUTPUT_BLOCK}. */
    int inputBlock() {
        return (int) Math.max(1, Math.min(CHUNK, (long) OUTPUT_BLOCK * inRate / outRate));
    }

    /** The most input samples this converter holds at any time; fixed, whatever the signal length. */
    public int historyCapacity() {
        return history == null ? 0 : history.length;
    }

    /**
     * Consumes {@code length} input samples and writes every output sample they complete.
     *
     * @param out receives up to {@link #maxOutputFor maxOutputFor(length)} samples from {@code outOffset}
     * @return the number of output samples written (may be 0 while the filter fills)
     * @throws IllegalStateException after {@link #flush} was called
     */
    public int process(float[] in, int offset, int length, float[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, in.length);
        Objects.checkFromIndexSize(outOffset, maxOutputFor(length), out.length);
        if (ended) {
            throw new IllegalStateException("input already ended with flush(); use a new Resampler");
        }
        if (kernel == null) {
            System.arraycopy(in, offset, out, outOffset, length);
            received += length;
            produced += length;
            return length;
        }
        int written = 0;
        int end = offset + length;
        while (offset < end) {
            makeRoom();
            int take = Math.min(end - offset, history.length - historyLength);
            for (int i = 0; i < take; i++) {
                history[historyLength + i] = in[offset + i];
            }
            historyLength += take;
            received += take;
            offset += take;
            written += produce(out, outOffset + written, out.length - outOffset - written, Long.MAX_VALUE);
        }
        return written;
    }

    /**
     * Ends the input and writes the remaining output: the samples whose filter reaches past the
     * end (computed with silence there), then librosa's zero padding. Call until it returns -1.
     *
     * @return the number of samples written (at least 1 when {@code length > 0}), or -1 when all output is out
     */
    public int flush(float[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        if (!ended) {
            ended = true;
            computedEnd = kernel == null ? received : Math.multiplyExact(received, kernel.outStep()) / kernel.inStep();
            totalOutput = outputLength(received, inRate, outRate);
        }
        if (produced == totalOutput) {
            return -1;
        }
        int written = 0;
        while (written < length && produced < computedEnd) {
            int got = produce(out, offset + written, length - written, computedEnd);
            if (got == 0) {
                appendSilence();
            }
            written += got;
        }
        int zeros = (int) Math.min(length - written, totalOutput - produced);
        Arrays.fill(out, offset + written, offset + written + zeros, 0f);
        produced += zeros;
        return written + zeros;
    }

    /** Writes the outputs whose input is all in the history, up to {@code room} of them and below {@code limit}. */
    private int produce(float[] out, int offset, int room, long limit) {
        long available = historyStart + historyLength;
        long inStep = kernel.inStep();
        long outStep = kernel.outStep();
        int reach = kernel.reach();
        int count = 0;
        while (count < room && produced < limit) {
            long anchor = cycleInput + phase * inStep / outStep;
            if (anchor + reach >= available) {
                break;
            }
            out[offset + count++] = (float) kernel.sample(history, (int) (anchor - historyStart), anchor, produced, phase);
            produced++;
            if (++phase == outStep) {
                phase = 0;
                cycleInput += inStep;
            }
        }
        return count;
    }

    /** Drops history no future output reads, so that at least {@link #CHUNK} samples fit. */
    private void makeRoom() {
        if (history.length - historyLength >= CHUNK) {
            return;
        }
        long nextAnchor = cycleInput + phase * kernel.inStep() / kernel.outStep();
        int drop = (int) (nextAnchor - kernel.reach() - historyStart);
        System.arraycopy(history, drop, history, 0, historyLength - drop);
        historyLength -= drop;
        historyStart += drop;
    }

    /** Appends the silence after the signal that the last outputs' filters reach into. */
    private void appendSilence() {
        makeRoom();
        int take = history.length - historyLength;
        Arrays.fill(history, historyLength, history.length, 0.0);
        historyLength += take;
    }

    private static void requireRate(String which, int rate) {
        if (rate < 1 || rate > MAX_RATE) {
            throw new IllegalArgumentException(which + " sample rate must be 1.." + MAX_RATE + " Hz, got " + rate);
        }
    }
}
