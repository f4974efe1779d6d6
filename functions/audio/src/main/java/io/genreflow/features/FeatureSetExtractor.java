package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.pcm.SampleSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several representations of a snippet from a single STFT pass, e.g. all four when training
 * prepares its tensors. Not thread-safe (see {@link FeatureExtractor}); results are new matrices
 * the caller owns.
 */
public final class FeatureSetExtractor {

    private final Map<Representation, FeatureExtractor> extractors;
    private final SnippetPower power;

    private FeatureSetExtractor(Map<Representation, FeatureExtractor> extractors, SnippetPower power) {
        this.extractors = extractors;
        this.power = power;
    }

    /** Computes the given representations with a model's parameters. */
    public static FeatureSetExtractor of(Set<Representation> representations, FeatureParams params) {
        if (representations.isEmpty()) {
            throw new IllegalArgumentException("no representation requested");
        }
        SnippetPower power = new SnippetPower(params);
        Map<Representation, FeatureExtractor> extractors = new EnumMap<>(Representation.class);
        for (Representation representation : EnumSet.copyOf(representations)) {
            extractors.put(representation, newExtractor(representation, params, power));
        }
        return new FeatureSetExtractor(extractors, power);
    }

    /** Computes all four representations. */
    public static FeatureSetExtractor all(FeatureParams params) {
        return of(EnumSet.allOf(Representation.class), params);
    }

    static FeatureExtractor newExtractor(Representation representation, FeatureParams params, SnippetPower power) {
        return switch (representation) {
            case LOGMEL -> new LogMelExtractor(power, params);
            case SPECTROGRAM -> new SpectrogramExtractor(power, params);
            case CHROMA -> new ChromaExtractor(power, params);
            case WAVEFORM -> new WaveformExtractor(params);
        };
    }

    public Set<Representation> representations() {
        return Collections.unmodifiableSet(extractors.keySet());
    }

    /** {@code {steps, features}} of {@code representation} for a snippet of this many samples. */
    public int[] shape(Representation representation, int snippetSamples) {
        FeatureExtractor extractor = extractors.get(representation);
        if (extractor == null) {
            throw new IllegalArgumentException(representation.id() + " is not among " + extractors.keySet());
        }
        return extractor.shape(snippetSamples);
    }

    /**
     * Every requested representation of each snippet of {@code track} starting at {@code starts},
     * framed as the parameters say, the spectral ones sharing one power spectrogram (see
     * {@link FeatureExtractor#extract(SampleSource, long[], int)} for the arguments).
     *
     * @return one map per start, in the order of {@code starts}
     */
    public List<Map<Representation, float[][]>> extract(SampleSource track, long[] starts, int snippetSamples) {
        List<Map<Representation, float[][]>> features = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            features.add(new EnumMap<>(Representation.class));
        }
        boolean anySpectral = false;
        for (FeatureExtractor extractor : extractors.values()) {
            if (extractor instanceof SpectralExtractor) {
                anySpectral = true;
            } else {
                float[][][] matrices = extractor.extract(track, starts, snippetSamples);
                for (int i = 0; i < starts.length; i++) {
                    features.get(i).put(extractor.representation(), matrices[i]);
                }
            }
        }
        if (anySpectral) {
            power.forEachSnippet(track, starts, snippetSamples, i -> {
                for (FeatureExtractor extractor : extractors.values()) {
                    if (extractor instanceof SpectralExtractor spectral) {
                        features.get(i).put(extractor.representation(), spectral.fromPower(power));
                    }
                }
            });
        }
        return features;
    }

    /** Every requested representation of {@code snippet} taken as a signal of its own, sharing one power spectrogram. */
    public Map<Representation, float[][]> extract(float[] snippet) {
        Map<Representation, float[][]> features = new EnumMap<>(Representation.class);
        boolean powerComputed = false;
        for (FeatureExtractor extractor : extractors.values()) {
            if (extractor instanceof SpectralExtractor spectral) {
                if (!powerComputed) {
                    power.compute(snippet);
                    powerComputed = true;
                }
                features.put(extractor.representation(), spectral.fromPower(power));
            } else {
                features.put(extractor.representation(), extractor.extract(snippet));
            }
        }
        return features;
    }
}
