package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;

/**
 * Turns a mono snippet at the model's sample rate into one representation, time-major
 * {@code [steps][features]}. Instances reuse work buffers and are not thread-safe: keep one per
 * thread for its lifetime (creation computes the filter banks, about 2 ms once the JIT is warm).
 * Every call returns a new matrix the caller owns.
 */
public interface FeatureExtractor {

    /** The representation this extractor computes. */
    Representation representation();

    /** The feature matrix of {@code snippet}, {@code [shape[0]][shape[1]]}. */
    float[][] extract(float[] snippet);

    /** {@code {steps, features}} of the matrix {@link #extract} returns for a snippet of this many samples. */
    int[] shape(int snippetSamples);

    /** The extractor of {@code representation} with a model's parameters. */
    static FeatureExtractor create(Representation representation, FeatureParams params) {
        return FeatureSetExtractor.newExtractor(representation, params, new SnippetPower(Stft.of(params)));
    }
}
