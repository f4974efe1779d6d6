package io.genreflow.features;

import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.FeatureParams.Framing;
import io.genreflow.pcm.SampleSource;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The power spectrogram of the current snippet in the two layouts the representations need:
 * frame-major for per-frame work, bin-major for filter-bank projections (unit-stride loops over
 * frames vectorise). Buffers are reused while snippets keep their length. Not thread-safe.
 *
 * <p>Under {@link Framing#TRACK} a snippet's frames are the track's frames where it lies: the
 * frames of a run of overlapping snippets are computed once, and each snippet's frame-major view
 * is a window onto them (no copy). Under {@link Framing#SNIPPET} each snippet is its own signal.
 */
final class SnippetPower {

    /** Track frames computed at once, at most: bounds the memory a long run of snippets takes (~4 MB at n_fft 2048). */
    private static final int MAX_SPAN_FRAMES = 1024;

    private final Stft stft;
    private final Framing framing;
    private float[][] byFrame = new float[0][];
    private float[][] byBin = new float[0][];
    private boolean byBinCurrent;
    private float[][] spanFrames = new float[0][];
    private boolean byFrameIsSpanView;

    SnippetPower(FeatureParams params) {
        this.stft = Stft.of(params);
        this.framing = params.framing();
    }

    int frameCount(int samples) {
        return stft.frameCount(samples);
    }

    int binCount() {
        return stft.binCount();
    }

    /** Computes the power spectrogram of {@code snippet} as a signal of its own; both views stay valid until the next call. */
    void compute(float[] snippet) {
        int frames = stft.frameCount(snippet.length);
        if (byFrame.length != frames || byFrameIsSpanView) {
            byFrame = new float[frames][stft.binCount()];
            byFrameIsSpanView = false;
        }
        stft.power(snippet, byFrame);
        byBinCurrent = false;
    }

    /**
     * Makes each snippet's power current in turn and calls {@code atSnippet} with its index in
     * {@code starts}, framed as the parameters say. Under track framing the starts must lie on the
     * STFT hop grid (the snippet plan puts them there).
     *
     * @param track          the track's samples; under track framing it must also hold
     *                       {@link FeatureParams#contextSamples()} on each side of the snippets,
     *                       where the track has them
     * @param starts         the snippets' first samples, in increasing order
     * @param snippetSamples samples per snippet
     */
    void forEachSnippet(SampleSource track, long[] starts, int snippetSamples, IntConsumer atSnippet) {
        if (framing == Framing.SNIPPET) {
            for (int i = 0; i < starts.length; i++) {
                compute(track.read(starts[i], snippetSamples));
                atSnippet.accept(i);
            }
            return;
        }
        int hop = stft.hopLength();
        int framesPerSnippet = stft.frameCount(snippetSamples);
        for (int first = 0; first < starts.length; ) {
            int last = first;
            while (last + 1 < starts.length && starts[last + 1] - starts[last] < snippetSamples
                    && (starts[last + 1] - starts[first]) / hop + framesPerSnippet <= MAX_SPAN_FRAMES) {
                last++;
            }
            long firstFrame = frameOf(starts[first]);
            int spanCount = Math.toIntExact(frameOf(starts[last]) - firstFrame) + framesPerSnippet;
            computeSpan(track, firstFrame, spanCount);
            for (int i = first; i <= last; i++) {
                int from = Math.toIntExact(frameOf(starts[i]) - firstFrame);
                byFrame = Arrays.copyOfRange(spanFrames, from, from + framesPerSnippet);
                byFrameIsSpanView = true;
                byBinCurrent = false;
                atSnippet.accept(i);
            }
            first = last + 1;
        }
    }

    /** {@code [frame][bin]}. */
    float[][] byFrame() {
        return byFrame;
    }

    /** {@code [bin][frame]}, transposed on first use after the snippet changed. */
    float[][] byBin() {
        if (!byBinCurrent) {
            byBin = FloatMatrices.reuseOrAllocate(byBin, stft.binCount(), byFrame.length);
            FloatMatrices.transpose(byFrame, byBin);
            byBinCurrent = true;
        }
        return byBin;
    }

    private long frameOf(long start) {
        if (start % stft.hopLength() != 0) {
            throw new IllegalArgumentException("under track framing snippets start on the STFT hop grid ("
                    + stft.hopLength() + " samples); a snippet starts at " + start + ": plan with the manifest's grid");
        }
        return start / stft.hopLength();
    }

    /** Frames {@code [firstFrame, firstFrame + count)} of the track into {@link #spanFrames}. */
    private void computeSpan(SampleSource track, long firstFrame, int count) {
        if (spanFrames.length < count) {
            spanFrames = new float[Math.max(count, Math.min(2 * spanFrames.length, MAX_SPAN_FRAMES))][stft.binCount()];
        }
        int half = stft.nFft() / 2;
        long from = Math.max(0, firstFrame * stft.hopLength() - half);
        long to = Math.min(track.totalSamples(), (firstFrame + count - 1) * stft.hopLength() + half);
        float[] samples = track.read(from, Math.toIntExact(to - from));
        for (int t = 0; t < count; t++) {
            long centre = (firstFrame + t) * stft.hopLength();
            stft.framePower(samples, samples.length, Math.toIntExact(centre - half - from), spanFrames[t]);
        }
    }
}
