package io.genreflow.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.FeatureParams.Framing;
import io.genreflow.pcm.PcmRange;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.snippets.SnippetPlanner;
import io.genreflow.testing.LibrosaReference;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Track framing: a snippet's features are librosa's features of the whole track, sliced where the
 * snippet lies, and do not depend on which other snippets are computed with it.
 */
class TrackFramingTest {

    private static final FeatureParams TRACK = FeatureParams.defaults();
    private static final int SNIPPET = SnippetParams.defaults().snippetSamples(TRACK.sampleRate());
    private static final int HOP = TRACK.hopLength();
    private static final EnumSet<Representation> SPECTRAL =
            EnumSet.of(Representation.LOGMEL, Representation.SPECTROGRAM, Representation.CHROMA);

    /**
     * The three reference signals laid end to end on the frame grid with more than half a window
     * of silence between them: librosa's reference of each signal (computed on that signal alone,
     * zero-padded) is then exactly the whole track's STFT where the signal lies.
     */
    @Test
    void eachSnippetIsLibrosaOnTheWholeTrackSliced() {
        String[] names = LibrosaReference.SIGNALS;
        long[] offsets = new long[names.length];
        float[][] signals = new float[names.length][];
        long position = 0;
        for (int i = 0; i < names.length; i++) {
            signals[i] = LibrosaReference.signal(names[i]);
            offsets[i] = position;
            position = ceilToGrid(position + signals[i].length + TRACK.nFft());
        }
        float[] track = new float[Math.toIntExact(position)];
        for (int i = 0; i < names.length; i++) {
            System.arraycopy(signals[i], 0, track, (int) offsets[i], signals[i].length);
        }

        List<Map<Representation, float[][]>> features =
                FeatureSetExtractor.of(SPECTRAL, TRACK).extract(PcmRange.whole(track), offsets, SNIPPET);

        for (int i = 0; i < names.length; i++) {
            String signal = names[i];
            double[][] logMel = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/mel128_db.json"));
            double[][] chroma = LibrosaReference.timeMajor(LibrosaReference.matrix("signals/" + signal + "/chroma_stft.json"));
            int frames = logMel.length;
            ParityAssertions.assertDecibels(logMel, firstFrames(features.get(i).get(Representation.LOGMEL), frames),
                    signal + " log-mel sliced from the track");
            ParityAssertions.assertAbsolute(chroma, firstFrames(features.get(i).get(Representation.CHROMA), frames), 1e-5,
                    signal + " chroma sliced from the track");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Representation.class)
    void aSnippetsFeaturesDoNotDependOnItsCompany(Representation representation) {
        float[] track = noise(Math.round(40.3f * TRACK.sampleRate()), 5);
        long[] starts = plan(track.length);
        FeatureExtractor extractor = FeatureExtractor.create(representation, TRACK);

        float[][][] together = extractor.extract(PcmRange.whole(track), starts, SNIPPET);

        for (int i = 0; i < starts.length; i += 7) {
            float[][][] alone = extractor.extract(PcmRange.whole(track), new long[] {starts[i]}, SNIPPET);
            assertTrue(Arrays.deepEquals(alone[0], together[i]), representation + " snippet " + i);
        }
        assertEquals(starts.length, together.length);
    }

    @Test
    void aRangedReadWithTheContextGivesWhatTheWholeTrackGives() {
        float[] track = noise(30 * TRACK.sampleRate(), 9);
        long[] starts = Arrays.copyOfRange(plan(track.length), 10, 14);
        int context = TRACK.contextSamples();
        long from = starts[0] - context;
        long to = starts[starts.length - 1] + SNIPPET + context;
        PcmRange ranged = new PcmRange(Arrays.copyOfRange(track, (int) from, (int) to), from, track.length);
        FeatureExtractor logMel = FeatureExtractor.create(Representation.LOGMEL, TRACK);

        assertTrue(Arrays.deepEquals(logMel.extract(PcmRange.whole(track), starts, SNIPPET),
                logMel.extract(ranged, starts, SNIPPET)));
        PcmRange tooNarrow = new PcmRange(Arrays.copyOfRange(track, (int) starts[0], (int) to), starts[0], track.length);
        assertThrows(IllegalArgumentException.class, () -> logMel.extract(tooNarrow, starts, SNIPPET));
    }

    @Test
    void interiorFramesAreThoseOfTheSnippetAloneAndOnlyTheEdgesSeeTheNeighbours() {
        float[] track = noise(12 * TRACK.sampleRate(), 2);
        long start = 4L * 43 * HOP;
        float[][] sliced = FeatureExtractor.create(Representation.SPECTROGRAM, TRACK)
                .extract(PcmRange.whole(track), new long[] {start}, SNIPPET)[0];
        float[][] alone = FeatureExtractor.create(Representation.SPECTROGRAM, TRACK.withFraming(Framing.SNIPPET))
                .extract(PcmRange.whole(track), new long[] {start}, SNIPPET)[0];

        int edge = TRACK.nFft() / 2 / HOP;
        for (int t = edge; t < sliced.length - edge - 1; t++) {
            assertArrayEquals(alone[t], sliced[t], 1e-3f, "frame " + t);
        }
        assertTrue(!Arrays.equals(alone[0], sliced[0]), "the first frame sees the audio before the snippet");
    }

    @Test
    void startsOffTheFrameGridAreRefused() {
        float[] track = noise(10 * TRACK.sampleRate(), 1);
        FeatureExtractor chroma = FeatureExtractor.create(Representation.CHROMA, TRACK);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> chroma.extract(PcmRange.whole(track), new long[] {TRACK.sampleRate()}, SNIPPET));
        assertTrue(error.getMessage().contains("grid"), error.getMessage());
    }

    private static long[] plan(int samples) {
        int grid = TRACK.snippetGrid();
        return SnippetPlanner.starts(samples, SNIPPET, SnippetParams.defaults().hopSamples(TRACK.sampleRate(), grid), grid);
    }

    private static long ceilToGrid(long samples) {
        return (samples + HOP - 1) / HOP * HOP;
    }

    /** The first {@code frames} frames, after checking that frames whose window lies past them are silence. */
    private static float[][] firstFrames(float[][] matrix, int frames) {
        for (int t = frames + TRACK.nFft() / 2 / HOP; t < matrix.length; t++) {
            float[] silent = matrix[t];
            for (float value : silent) {
                assertEquals(matrix[matrix.length - 1][0], value, "frames past the signal are silence");
            }
        }
        return Arrays.copyOf(matrix, frames);
    }

    private static float[] noise(int samples, long seed) {
        Random random = new Random(seed);
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = (float) (0.2 * random.nextGaussian() * (1 + Math.sin(i / 5000.0)));
        }
        return y;
    }
}
