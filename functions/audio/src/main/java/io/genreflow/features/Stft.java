package io.genreflow.features;

import io.genreflow.manifest.FeatureParams;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier transform with librosa's defaults: periodic Hann window of {@code nFft}
 * samples, frames centred on {@code t * hop} with zero padding at both ends
 * ({@code center=True, pad_mode='constant'}), so a signal of n samples has {@code 1 + n / hop}
 * frames. Spectra are one-sided ({@code nFft / 2 + 1} bins), unnormalised, and laid out
 * time-major: {@code [frame][bin]}.
 *
 * <p>Not thread-safe: an instance owns an FFT work buffer; use one instance per thread. For frame
 * sizes below JTransforms' parallel threshold (8192 samples unless changed globally) the FFT runs
 * entirely on the calling thread, so parallelism belongs across snippets, not inside a frame.
 */
public final class Stft {

    private final int nFft;
    private final int hopLength;
    private final float[] window;
    private final FloatFFT_1D fft;
    private final float[] frame;

    public Stft(int nFft, int hopLength) {
        if (nFft < 2 || nFft % 2 != 0) {
            throw new IllegalArgumentException("nFft must be an even number >= 2, got " + nFft);
        }
        if (hopLength <= 0) {
            throw new IllegalArgumentException("hopLength must be positive, got " + hopLength);
        }
        this.nFft = nFft;
        this.hopLength = hopLength;
        this.window = HannWindow.periodic(nFft);
        this.fft = new FloatFFT_1D(nFft);
        this.frame = new float[nFft];
    }

    /** The STFT a model with these parameters was trained on. */
    public static Stft of(FeatureParams params) {
        return new Stft(params.nFft(), params.hopLength());
    }

    public int nFft() {
        return nFft;
    }

    public int hopLength() {
        return hopLength;
    }

    /** Number of frequency bins per frame, {@code nFft / 2 + 1}. */
    public int binCount() {
        return nFft / 2 + 1;
    }

    /** Frames of a signal of this length: {@code 1 + length / hop} (centred framing drops nothing). */
    public int frameCount(int signalLength) {
        if (signalLength <= 0) {
            throw new IllegalArgumentException("signal is empty; need at least one sample");
        }
        return 1 + signalLength / hopLength;
    }

    /** Power spectrogram {@code |X|^2}, {@code [frameCount][binCount]}. */
    public float[][] power(float[] signal) {
        float[][] out = new float[frameCount(signal.length)][binCount()];
        power(signal, out);
        return out;
    }

    /** Power spectrogram into {@code out}, which must be {@code [frameCount(signal.length)][binCount()]}. */
    public void power(float[] signal, float[][] out) {
        int frames = frameCount(signal.length);
        if (out.length != frames || out[0].length != binCount()) {
            throw new IllegalArgumentException(String.format(
                    "output is [%d][%d]; a signal of %d samples needs [%d][%d]",
                    out.length, out.length == 0 ? 0 : out[0].length, signal.length, frames, binCount()));
        }
        for (int t = 0; t < frames; t++) {
            framePower(signal, signal.length, t * hopLength - nFft / 2, out[t]);
        }
    }

    /** Magnitude spectrogram {@code |X|}, {@code [frameCount][binCount]}. */
    public float[][] magnitude(float[] signal) {
        float[][] out = power(signal);
        for (float[] row : out) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) Math.sqrt(row[k]);
            }
        }
        return out;
    }

    /**
     * Power spectrum of the {@code nFft} samples starting at {@code start} of
     * {@code signal[0, signalLength)}; positions outside that range count as zeros, which is how
     * centred frames see the padding.
     */
    public void framePower(float[] signal, int signalLength, int start, float[] out) {
        loadWindowedFrame(signal, signalLength, start);
        fft.realForward(frame);
        // JTransforms packs a real FFT as [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...].
        int half = nFft / 2;
        out[0] = frame[0] * frame[0];
        out[half] = frame[1] * frame[1];
        for (int k = 1; k < half; k++) {
            float re = frame[2 * k];
            float im = frame[2 * k + 1];
            out[k] = re * re + im * im;
        }
    }

    private void loadWindowedFrame(float[] signal, int signalLength, int start) {
        int from = Math.clamp(-(long) start, 0, nFft);
        int to = Math.clamp((long) signalLength - start, from, nFft);
        for (int i = 0; i < from; i++) {
            frame[i] = 0f;
        }
        for (int i = from; i < to; i++) {
            frame[i] = signal[start + i] * window[i];
        }
        for (int i = to; i < nFft; i++) {
            frame[i] = 0f;
        }
    }
}
