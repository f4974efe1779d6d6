package io.genreflow.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.Verdict;
import io.genreflow.pipeline.LocalTrackClassifier;
import io.genreflow.verdict.LabelScore;
import java.io.ByteArrayInputStream;
import java.util.List;

/** What the in-process classifier says about a file: the verdict every pipeline run must reproduce. */
final class LocalReference {

    /** Scores may differ in float32's last bits when snippets are batched differently. */
    static final double TOLERANCE = 1e-6;

    private LocalReference() {
    }

    static Verdict verdict(byte[] file, String name) throws Exception {
        try (LocalTrackClassifier local = LocalTrackClassifier.load(Pipeline.MANIFEST,
                LocalTrackClassifier.Settings.defaults(), Pipeline.CLOCK)) {
            return local.classify(new ByteArrayInputStream(file), name).verdict();
        }
    }

    /** The pipeline's verdict says what the local one says: genre, ranking, every score, timeline, energy. */
    static void assertSameVerdict(Verdict expected, Verdict actual) {
        assertEquals(expected.genre(), actual.genre());
        assertEquals(expected.confidence(), actual.confidence(), TOLERANCE);
        assertEquals(labels(expected.topK()), labels(actual.topK()));
        assertEquals(expected.trackScores().keySet(), actual.trackScores().keySet());
        expected.trackScores().forEach((representation, scores) -> assertClose(scores,
                actual.trackScores().get(representation), representation));
        expected.weights().forEach((representation, weights) -> assertClose(weights,
                actual.weights().get(representation), "weights of " + representation));
        assertEquals(expected.degraded(), actual.degraded());
        assertEquals(expected.missingRepresentations(), actual.missingRepresentations());
        assertEquals(expected.timeline().size(), actual.timeline().size());
        for (int s = 0; s < expected.timeline().size(); s++) {
            Verdict.TimelineEntry want = expected.timeline().get(s);
            Verdict.TimelineEntry got = actual.timeline().get(s);
            assertEquals(want.snippet(), got.snippet());
            assertEquals(want.startSeconds(), got.startSeconds());
            assertEquals(want.genre(), got.genre(), "snippet " + s);
            assertEquals(want.probability(), got.probability(), TOLERANCE, "snippet " + s);
        }
        assertEquals(expected.energy(), actual.energy());
        assertEquals(expected.modelVersion(), actual.modelVersion());
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
