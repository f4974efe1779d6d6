package io.genreflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.Verdict;
import io.genreflow.pipeline.LocalTrackClassifier;
import io.genreflow.contracts.LabelScore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the in-process classifier says about a file, with the stack's models: the verdict the
 * stack's fan-out over queues must reproduce, snippet by snippet.
 */
public final class ReferenceVerdict {

    /** Scores may differ in float32's last bits when snippets are batched differently. */
    public static final double TOLERANCE = 1e-6;

    private ReferenceVerdict() {
    }

    /** The verdict of {@code file}, uploaded as {@code name}, by the models of {@code manifest}. */
    public static Verdict of(byte[] file, String name, Path manifest) throws Exception {
        try (LocalTrackClassifier local = LocalTrackClassifier.load(manifest, LocalTrackClassifier.Settings.defaults(),
                Clock.systemUTC())) {
            return local.classify(new ByteArrayInputStream(file), name).verdict();
        }
    }

    /** Genre, ranking, every score and weight, the timeline and the energy agree. */
    public static void assertSame(Verdict expected, Verdict actual) {
        assertEquals(expected.genre(), actual.genre());
        assertEquals(expected.confidence(), actual.confidence(), TOLERANCE);
        assertEquals(labels(expected.topK()), labels(actual.topK()));
        for (int i = 0; i < expected.topK().size(); i++) {
            assertEquals(expected.topK().get(i).probability(), actual.topK().get(i).probability(), TOLERANCE, "top-k " + i);
        }
        assertEquals(expected.trackScores().keySet(), actual.trackScores().keySet());
        expected.trackScores().forEach((representation, scores) ->
                assertClose(scores, actual.trackScores().get(representation), "track scores of " + representation));
        assertEquals(expected.weights().keySet(), actual.weights().keySet());
        expected.weights().forEach((representation, weights) ->
                assertClose(weights, actual.weights().get(representation), "weights of " + representation));
        assertEquals(expected.degraded(), actual.degraded());
        assertEquals(expected.missingRepresentations(), actual.missingRepresentations());
        assertEquals(expected.timeline().size(), actual.timeline().size(), "timeline length");
        for (int s = 0; s < expected.timeline().size(); s++) {
            Verdict.TimelineEntry want = expected.timeline().get(s);
            Verdict.TimelineEntry got = actual.timeline().get(s);
            assertEquals(want.snippet(), got.snippet(), "snippet " + s);
            assertEquals(want.startSeconds(), got.startSeconds(), "start of snippet " + s);
            assertEquals(want.genre(), got.genre(), "genre of snippet " + s);
            assertEquals(want.probability(), got.probability(), TOLERANCE, "probability of snippet " + s);
        }
        assertEquals(expected.energy(), actual.energy());
        assertEquals(expected.modelVersion(), actual.modelVersion());
        assertEquals(expected.labels(), actual.labels());
    }

    private static List<String> labels(List<LabelScore> ranking) {
        return ranking.stream().map(LabelScore::label).toList();
    }

    private static void assertClose(List<Double> expected, List<Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), TOLERANCE, what + "[" + i + "]");
        }
    }
}
