package io.genreflow.bench;

import io.genreflow.contracts.Representation;
import io.genreflow.features.FeatureExtractor;
import io.genreflow.features.FeatureSetExtractor;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.pcm.PcmRange;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.snippets.SnippetPlanner;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Representations of one 3-s snippet at the default parameters, and of every snippet of a 30-s
 * track in one call under either framing (what a classifier does with a batch), on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeatureBenchmark {

    /** All four representations from one STFT pass. */
    @State(Scope.Thread)
    public static class AllFour {
        float[] snippet;
        FeatureSetExtractor extractor;

        @Setup
        public void prepare() {
            FeatureParams params = FeatureParams.defaults();
            snippet = musicLikeSnippet(params.sampleRate() * 3, params.sampleRate());
            extractor = FeatureSetExtractor.all(params);
        }
    }

    /** One representation alone, what a classifier serving it computes per snippet. */
    @State(Scope.Thread)
    public static class One {
        @Param({"LOGMEL", "SPECTROGRAM", "CHROMA", "WAVEFORM"})
        public Representation representation;
        float[] snippet;
        FeatureExtractor extractor;

        @Setup
        public void prepare() {
            FeatureParams params = FeatureParams.defaults();
            snippet = musicLikeSnippet(params.sampleRate() * 3, params.sampleRate());
            extractor = FeatureExtractor.create(representation, params);
        }
    }

    /** One representation of every snippet of a 30-s track, planned on the framing's grid. */
    @State(Scope.Thread)
    public static class Track {
        @Param({"LOGMEL", "SPECTROGRAM", "CHROMA", "WAVEFORM"})
        public Representation representation;
        @Param({"SNIPPET", "TRACK"})
        public FeatureParams.Framing framing;
        PcmRange track;
        long[] starts;
        int snippetSamples;
        FeatureExtractor extractor;

        @Setup
        public void prepare() {
            FeatureParams params = FeatureParams.defaults().withFraming(framing);
            track = PcmRange.whole(musicLikeSnippet(params.sampleRate() * TRACK_SECONDS, params.sampleRate()));
            starts = starts(params);
            snippetSamples = SnippetParams.defaults().snippetSamples(params.sampleRate());
            extractor = FeatureExtractor.create(representation, params);
        }
    }

    /** Length of the track {@link #snippetsOfATrack} measures. */
    static final int TRACK_SECONDS = 30;

    /** The snippets of the 30-s track under {@code framing}: 28 every second, or 29 on the frame grid. */
    static int snippetCount(FeatureParams.Framing framing) {
        return starts(FeatureParams.defaults().withFraming(framing)).length;
    }

    private static long[] starts(FeatureParams params) {
        SnippetParams snippets = SnippetParams.defaults();
        int grid = params.snippetGrid();
        return SnippetPlanner.starts((long) params.sampleRate() * TRACK_SECONDS, snippets.snippetSamples(params.sampleRate()),
                snippets.hopSamples(params.sampleRate(), grid), grid);
    }

    @Benchmark
    public float[][][] snippetsOfATrack(Track state) {
        return state.extractor.extract(state.track, state.starts, state.snippetSamples);
    }

    @Benchmark
    public Map<Representation, float[][]> allFourRepresentations(AllFour state) {
        return state.extractor.extract(state.snippet);
    }

    @Benchmark
    public float[][] oneRepresentation(One state) {
        return state.extractor.extract(state.snippet);
    }

    /** Harmonic tones, noise bursts twice a second and a noise floor: every bin carries something. */
    static float[] musicLikeSnippet(int samples, int sampleRate) {
        Random random = new Random(7);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / sampleRate;
            double tones = 0.2 * Math.sin(2 * Math.PI * 196 * t) + 0.1 * Math.sin(2 * Math.PI * 293.7 * t)
                    + 0.05 * Math.sin(2 * Math.PI * 587.3 * t);
            double burst = (i % (sampleRate / 2)) < sampleRate / 40 ? 0.3 * random.nextGaussian() : 0;
            x[i] = (float) (tones + burst + 0.01 * random.nextGaussian());
        }
        return x;
    }
}
