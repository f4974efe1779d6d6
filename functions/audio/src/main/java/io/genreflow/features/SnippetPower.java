package io.genreflow.features;

/**
 * The power spectrogram of the current snippet in the two layouts the representations need:
 * frame-major for per-frame work, bin-major for filter-bank projections (unit-stride loops over
 * frames vectorise). Buffers are reused while snippets keep their length. Not thread-safe.
 */
final class SnippetPower {

    private final Stft stft;
    private float[][] byFrame = new float[0][];
    private float[][] byBin = new float[0][];
    private boolean byBinCurrent;

    SnippetPower(Stft stft) {
        this.stft = stft;
    }

    int frameCount(int samples) {
        return stft.frameCount(samples);
    }

    int binCount() {
        return stft.binCount();
    }

    /** Computes the power spectrogram of {@code snippet}; both views stay valid until the next call. */
    void compute(float[] snippet) {
        int frames = stft.frameCount(snippet.length);
        if (byFrame.length != frames) {
            byFrame = new float[frames][stft.binCount()];
            byBin = new float[stft.binCount()][frames];
        }
        stft.power(snippet, byFrame);
        byBinCurrent = false;
    }

    /** {@code [frame][bin]}. */
    float[][] byFrame() {
        return byFrame;
    }

    /** {@code [bin][frame]}, transposed on first use after {@link #compute}. */
    float[][] byBin() {
        if (!byBinCurrent) {
            FloatMatrices.transpose(byFrame, byBin);
            byBinCurrent = true;
        }
        return byBin;
    }
}
