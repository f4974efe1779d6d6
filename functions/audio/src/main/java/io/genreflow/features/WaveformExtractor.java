package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.pcm.SampleSource;

/**
 * The raw snippet cut into consecutive frames for a recurrent model, {@code [steps][frameLength]}:
 * frame i holds samples {@code [i * hop, i * hop + frameLength)}. Only whole frames are kept, so up
 * to {@code hop - 1} tail samples are left out (614 of 66150, 28 ms, at the defaults); a snippet
 * shorter than one frame gives a single frame padded with zeros.
 */
final class WaveformExtractor implements FeatureExtractor {

    private final int frameLength;
    private final int hopLength;

    WaveformExtractor(FeatureParams params) {
        this.frameLength = params.waveformFrameLength();
        this.hopLength = params.waveformHopLength();
    }

    @Override
    public Representation representation() {
        return Representation.WAVEFORM;
    }

    @Override
    public float[][] extract(float[] snippet) {
        float[][] frames = new float[steps(snippet.length)][frameLength];
        for (int i = 0; i < frames.length; i++) {
            int start = i * hopLength;
            System.arraycopy(snippet, start, frames[i], 0, Math.min(frameLength, snippet.length - start));
        }
        return frames;
    }

    /** The waveform has no frames to share, whatever the framing: each snippet is cut and framed alone. */
    @Override
    public float[][][] extract(SampleSource track, long[] starts, int snippetSamples) {
        float[][][] features = new float[starts.length][][];
        for (int i = 0; i < starts.length; i++) {
            features[i] = extract(track.read(starts[i], snippetSamples));
        }
        return features;
    }

    @Override
    public int[] shape(int snippetSamples) {
        return new int[] {steps(snippetSamples), frameLength};
    }

    private int steps(int samples) {
        if (samples <= 0) {
            throw new IllegalArgumentException("snippet is empty; need at least one sample");
        }
        return samples <= frameLength ? 1 : 1 + (samples - frameLength) / hopLength;
    }
}
