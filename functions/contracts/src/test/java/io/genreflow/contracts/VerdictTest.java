package io.genreflow.contracts;

import io.genreflow.manifest.EnsembleSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {

    @Test
    void carriesTheEnsembleResultAndTheTrack() {
        TrackRecord track = Samples.classifying();
        Map<String, double[]> trackScores = Map.of(
                "logmel", new double[] {0.1, 0.1, 0.7, 0.1},
                "chroma", new double[] {0.3, 0.1, 0.5, 0.1});
        EnsembleResult ensemble = new EnsembleResult(new double[] {0.1, 0.1, 0.7, 0.1},
                EnsembleSpec.Strategy.SELECTIVE_ACTIVATION, Map.of("logmel", new double[] {1, 1, 1, 1}), true,
                List.of("waveform"));
        GenreRanking ranking = GenreRanking.of(ensemble.probabilities(), Samples.LABELS, 3);
        List<Verdict.TimelineEntry> timeline = List.of(new Verdict.TimelineEntry(0, 0.0, "jazz", 0.6));

        Verdict verdict = Verdict.of(track, Samples.LABELS, ranking, ensemble, trackScores, timeline,
                Map.of("aggregate", 3L), Instant.parse("2026-11-20T09:17:11.530Z"));

        assertEquals(track.trackId(), verdict.trackId());
        assertEquals(track.source(), verdict.source());
        assertEquals(track.energy(), verdict.energy());
        assertEquals("jazz", verdict.genre());
        assertEquals(ranking.topK(), verdict.topK());
        assertEquals(List.of(0.1, 0.1, 0.7, 0.1), verdict.trackScores().get("logmel"));
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), verdict.weights().get("logmel"));
        assertEquals(List.of("waveform"), verdict.missingRepresentations());
        assertTrue(verdict.degraded());
        assertEquals(verdict, ContractJson.read(ContractJson.write(verdict), Verdict.class));
    }

    @Test
    void inconsistentVerdictsCannotBeBuilt() {
        Verdict ok = Samples.verdict();

        assertThrows(IllegalArgumentException.class, () -> copy(ok, "pop", ok.topK(), ok.degraded(),
                ok.missingRepresentations(), ok.trackScores()));
        assertThrows(IllegalArgumentException.class, () -> copy(ok, "jazz",
                List.of(new LabelScore("blues", 0.71)), ok.degraded(), ok.missingRepresentations(), ok.trackScores()));
        assertThrows(IllegalArgumentException.class, () -> copy(ok, ok.genre(), ok.topK(), false,
                ok.missingRepresentations(), ok.trackScores()));
        assertThrows(IllegalArgumentException.class, () -> copy(ok, ok.genre(), ok.topK(), ok.degraded(),
                ok.missingRepresentations(), Map.of("logmel", List.of(0.5, 0.5), "chroma", List.of(0.5, 0.5))));
        assertThrows(IllegalArgumentException.class, () -> copy(ok, ok.genre(), ok.topK(), ok.degraded(),
                ok.missingRepresentations(), Map.of("chroma", List.of(0.2, 0.15, 0.55, 0.1))),
                "weights for logmel without its track score");
    }

    private static Verdict copy(Verdict v, String genre, List<LabelScore> topK, boolean degraded, List<String> missing,
                                Map<String, List<Double>> trackScores) {
        return new Verdict(v.schemaVersion(), v.trackId(), v.source(), v.modelVersion(), v.labels(), genre,
                v.confidence(), topK, v.strategy(), trackScores, v.weights(), degraded, missing, v.timeline(),
                v.energy(), v.timingsMs(), v.createdAt());
    }
}
