package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.pcm.SampleSource;

/**
 * Turns a mono snippet at the model's sample rate into one representation, time-major
 * {@code [steps][features]}. Instances reuse work buffers and are not thread-safe: keep one per
 * thread for its lifetime (creation computes the filter banks, about 2 ms once the JIT is warm).
 * Every call returns a new matrix the caller owns.
 */
public interface FeatureExtractor {

    /** The representation this extractor computes. */
    Representation representation();

    /** The feature matrix of {@code snippet} taken as a signal of its own, {@code [shape[0]][shape[1]]}. */
    float[][] extract(float[] snippet);

    /**
     * The feature matrices of the snippets of {@code track} starting at {@code starts}, framed as
     * the model's parameters say ({@link FeatureParams#framing()}): under track framing the frames
     * where snippets overlap are computed once.
     *
     * @param track          holds the snippets' samples and {@link FeatureParams#contextSamples()} around them
     * @param starts         first samples, in increasing order (on the STFT hop grid under track framing)
     * @param snippetSamples samples per snippet
     * @return one matrix per start, in the order of {@code starts}
     */
    float[][][] extract(SampleSource track, long[] starts, int snippetSamples);

    /** {@code {steps, features}} of the matrix {@link #extract} returns for a snippet of this many samples. */
    int[] shape(int snippetSamples);

    /** The extractor of {@code representation} with a model's parameters. */
    static FeatureExtractor create(Representation representation, FeatureParams params) {
        return FeatureSetExtractor.newExtractor(representation, params, new SnippetPower(params));
    }
}
