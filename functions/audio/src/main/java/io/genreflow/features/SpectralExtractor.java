package io.genreflow.features;

import io.genreflow.pcm.SampleSource;

/** A representation derived from the snippet's power spectrogram. */
abstract sealed class SpectralExtractor implements FeatureExtractor
        permits LogMelExtractor, SpectrogramExtractor, ChromaExtractor {

    private final SnippetPower power;

    SpectralExtractor(SnippetPower power) {
        this.power = power;
    }

    @Override
    public final float[][] extract(float[] snippet) {
        power.compute(snippet);
        return fromPower(power);
    }

    @Override
    public final float[][][] extract(SampleSource track, long[] starts, int snippetSamples) {
        float[][][] features = new float[starts.length][][];
        power.forEachSnippet(track, starts, snippetSamples, i -> features[i] = fromPower(power));
        return features;
    }

    @Override
    public final int[] shape(int snippetSamples) {
        return new int[] {power.frameCount(snippetSamples), features()};
    }

    /** Feature columns per frame. */
    abstract int features();

    /** The representation of the snippet whose power spectrogram {@code power} holds; leaves it unchanged. */
    abstract float[][] fromPower(SnippetPower power);
}
