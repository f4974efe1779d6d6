package io.genreflow.verdict;

import io.genreflow.fixtures.FixtureModels;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.SourceFormat;
import io.genreflow.contracts.AudioInfo;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Verdict.TimelineEntry;
import io.genreflow.contracts.Energy;
import io.genreflow.contracts.EnergyDescriptors;
import io.genreflow.contracts.EnergyLevel;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetPlan;
import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.contracts.LabelScore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 5-s track of three snippets, the last one silent, with probabilities chosen to be exact in
 * binary, so every expected number below is the arithmetic written out. The manifest's reliability
 * weights per label (blues, classical, metal, pop) are logmel 0.9, 0.6, 0.7, 0.8; spectrogram 0.5,
 * 0.7, 0.6, 0.4; chroma 0.3, 0.8, 0.2, 0.5; the waveform model has none, so it is switched off.
 */
class VerdictAssemblerTest {

    private static final double EXACT = 1e-12;

    private static final ModelManifest MANIFEST = FixtureModels.pipeline();
    private static final Instant SPLIT_AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:05Z");
    private static final Energy ENERGY = new Energy(0.62, EnergyLevel.MEDIUM, new EnergyDescriptors(-12, 6, 3, 1.2, 2000));
    private static final SnippetPlan PLAN = new SnippetPlan(22_050, 110_250, 66_150, 22_050, List.of(
            new Snippet(0, 0, -18, false), new Snippet(1, 22_050, -21, false), new Snippet(2, 44_100, -75, true)));

    private static final float[][] LOGMEL = {{0.5f, 0.25f, 0.125f, 0.125f}, {0.25f, 0.25f, 0.25f, 0.25f}, {0, 0, 0, 1}};
    private static final float[][] SPECTROGRAM = {{0.125f, 0.625f, 0.125f, 0.125f}, {0.25f, 0.5f, 0.125f, 0.125f},
        {1, 0, 0, 0}};
    private static final float[][] CHROMA = {{0.25f, 0.25f, 0.25f, 0.25f}, {0.5f, 0.125f, 0.25f, 0.125f},
        {0.25f, 0.25f, 0.25f, 0.25f}};
    private static final float[][] WAVEFORM = {{0.0625f, 0.0625f, 0.0625f, 0.8125f},
        {0.0625f, 0.0625f, 0.0625f, 0.8125f}, {0.0625f, 0.0625f, 0.0625f, 0.8125f}};

    private final VerdictAssembler assembler = new VerdictAssembler(MANIFEST, 2);

    @Test
    void trackScoresAreSnippetMeansWithoutTheSilentSnippetAndTheEnsembleWeighsThemByReliability() {
        Verdict verdict = assembler.assemble(track(), all(), Map.of("split", 120L), NOW);

        // Means of snippets 0 and 1.
        double[] logmel = {0.375, 0.25, 0.1875, 0.1875};
        double[] spectrogram = {0.1875, 0.5625, 0.125, 0.125};
        double[] chroma = {0.375, 0.1875, 0.25, 0.1875};
        assertScores(logmel, verdict.trackScores().get("logmel"));
        assertScores(spectrogram, verdict.trackScores().get("spectrogram"));
        assertScores(chroma, verdict.trackScores().get("chroma"));
        assertScores(new double[] {0.0625, 0.0625, 0.0625, 0.8125}, verdict.trackScores().get("waveform"));

        double[] combined = normalised(
                (0.9 * 0.375 + 0.5 * 0.1875 + 0.3 * 0.375) / (0.9 + 0.5 + 0.3),
                (0.6 * 0.25 + 0.7 * 0.5625 + 0.8 * 0.1875) / (0.6 + 0.7 + 0.8),
                (0.7 * 0.1875 + 0.6 * 0.125 + 0.2 * 0.25) / (0.7 + 0.6 + 0.2),
                (0.8 * 0.1875 + 0.4 * 0.125 + 0.5 * 0.1875) / (0.8 + 0.4 + 0.5));
        assertEquals("classical", verdict.genre());
        assertEquals(combined[1], verdict.confidence(), EXACT);
        assertEquals(List.of("classical", "blues"), verdict.topK().stream().map(LabelScore::label).toList());
        assertEquals(combined[0], verdict.topK().get(1).probability(), EXACT);
        assertEquals(EnsembleSpec.Strategy.SELECTIVE_ACTIVATION, verdict.strategy());
        assertScores(new double[] {0.9 / 1.7, 0.6 / 2.1, 0.7 / 1.5, 0.8 / 1.7}, verdict.weights().get("logmel"));
        assertEquals(List.of("chroma", "logmel", "spectrogram"), List.copyOf(verdict.weights().keySet()),
                "the switched-off waveform model is scored but does not count");
        assertFalse(verdict.degraded());
        assertEquals(ENERGY, verdict.energy());
        assertEquals(Map.of("split", 120L), verdict.timingsMs());
        assertEquals(NOW.toString(), verdict.createdAt());
        assertEquals(MANIFEST.modelVersion(), verdict.modelVersion());
        assertEquals(MANIFEST.labels(), verdict.labels());
    }

    @Test
    void theTimelineAppliesTheEnsembleToEachSnippetSilentOnesIncluded() {
        Verdict verdict = assembler.assemble(track(), all(), Map.of(), NOW);

        double[] first = normalised((0.9 * 0.5 + 0.5 * 0.125 + 0.3 * 0.25) / 1.7, (0.6 * 0.25 + 0.7 * 0.625 + 0.8 * 0.25) / 2.1,
                (0.7 * 0.125 + 0.6 * 0.125 + 0.2 * 0.25) / 1.5, (0.8 * 0.125 + 0.4 * 0.125 + 0.5 * 0.25) / 1.7);
        double[] second = normalised((0.9 * 0.25 + 0.5 * 0.25 + 0.3 * 0.5) / 1.7, (0.6 * 0.25 + 0.7 * 0.5 + 0.8 * 0.125) / 2.1,
                (0.7 * 0.25 + 0.6 * 0.125 + 0.2 * 0.25) / 1.5, (0.8 * 0.25 + 0.4 * 0.125 + 0.5 * 0.125) / 1.7);
        double[] third = normalised((0.5 * 1 + 0.3 * 0.25) / 1.7, (0.8 * 0.25) / 2.1, (0.2 * 0.25) / 1.5,
                (0.8 * 1 + 0.5 * 0.25) / 1.7);
        List<TimelineEntry> timeline = verdict.timeline();
        assertEquals(3, timeline.size());
        assertEntry(timeline.get(0), 0, 0.0, "classical", first[1]);
        assertEntry(timeline.get(1), 1, 1.0, "blues", second[0]);
        assertEntry(timeline.get(2), 2, 2.0, "pop", third[3]);
    }

    @Test
    void aMissingRepresentationGivesADegradedVerdictFromTheOthers() {
        Map<String, float[][]> withoutChroma = Map.of("logmel", LOGMEL, "spectrogram", SPECTROGRAM, "waveform", WAVEFORM);

        Verdict verdict = assembler.assemble(track(), withoutChroma, Map.of(), NOW);

        assertTrue(verdict.degraded());
        assertEquals(List.of("chroma"), verdict.missingRepresentations());
        assertEquals(List.of("logmel", "spectrogram"), List.copyOf(verdict.weights().keySet()));
        double[] combined = normalised((0.9 * 0.375 + 0.5 * 0.1875) / 1.4, (0.6 * 0.25 + 0.7 * 0.5625) / 1.3,
                (0.7 * 0.1875 + 0.6 * 0.125) / 1.3, (0.8 * 0.1875 + 0.4 * 0.125) / 1.2);
        assertEquals("classical", verdict.genre());
        assertEquals(combined[1], verdict.confidence(), EXACT);
        double[] first = normalised((0.9 * 0.5 + 0.5 * 0.125) / 1.4, (0.6 * 0.25 + 0.7 * 0.625) / 1.3,
                (0.7 * 0.125 + 0.6 * 0.125) / 1.3, (0.8 * 0.125 + 0.4 * 0.125) / 1.2);
        assertEntry(verdict.timeline().get(0), 0, 0.0, "classical", first[1]);
    }

    @Test
    void aMissingSwitchedOffRepresentationDoesNotDegradeTheVerdict() {
        Map<String, float[][]> withoutWaveform = Map.of("logmel", LOGMEL, "spectrogram", SPECTROGRAM, "chroma", CHROMA);

        Verdict verdict = assembler.assemble(track(), withoutWaveform, Map.of(), NOW);
        Verdict complete = assembler.assemble(track(), all(), Map.of(), NOW);

        assertFalse(verdict.degraded());
        assertEquals(complete.genre(), verdict.genre());
        assertEquals(complete.confidence(), verdict.confidence());
        assertEquals(complete.timeline(), verdict.timeline());
    }

    @Test
    void withTheMeanStrategyEveryRepresentationTheTrackWasSentToCounts() {
        VerdictAssembler mean = new VerdictAssembler(withEnsemble(EnsembleSpec.mean()), 4);
        Map<String, float[][]> withoutWaveform = Map.of("logmel", LOGMEL, "spectrogram", SPECTROGRAM, "chroma", CHROMA);

        Verdict verdict = mean.assemble(track(), withoutWaveform, Map.of(), NOW);

        assertTrue(verdict.degraded());
        assertEquals(List.of("waveform"), verdict.missingRepresentations());
        assertEquals((0.375 + 0.1875 + 0.375) / 3, verdict.topK().stream()
                .filter(score -> score.label().equals("blues")).findFirst().orElseThrow().probability(), EXACT);
    }

    @Test
    void noVerdictWithoutAnyRepresentationTheEnsembleReliesOn() {
        NoVerdictException e = assertThrows(NoVerdictException.class,
                () -> assembler.assemble(track(), Map.of("waveform", WAVEFORM), Map.of(), NOW));

        assertEquals(List.of("logmel", "spectrogram", "chroma"), e.missing());
    }

    @Test
    void theVerdictDoesNotDependOnTheMapsOrder() {
        Map<String, float[][]> reversed = new LinkedHashMap<>();
        reversed.put("waveform", WAVEFORM);
        reversed.put("chroma", CHROMA);
        reversed.put("spectrogram", SPECTROGRAM);
        reversed.put("logmel", LOGMEL);

        assertEquals(assembler.assemble(track(), new HashMap<>(all()), Map.of(), NOW),
                assembler.assemble(track(), reversed, Map.of(), NOW));
    }

    @Test
    void probabilitiesThatDoNotFitThePlanOrTheLabelsAreRefused() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> assembler.assemble(track(),
                Map.of("logmel", new float[][] {LOGMEL[0], LOGMEL[1]}), Map.of(), NOW));
        assertEquals("'logmel' has probabilities for 2 snippets; the track has 3", rows.getMessage());

        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class, () -> assembler.assemble(track(),
                Map.of("logmel", new float[][] {LOGMEL[0], LOGMEL[1], {0.5f, 0.5f}}), Map.of(), NOW));
        assertEquals("'logmel' snippet 2 has 2 probabilities for 4 labels", labels.getMessage());
    }

    @Test
    void probabilitiesOfARepresentationWithoutAModelAreRefused() {
        ModelManifest manifest = new ModelManifest(MANIFEST.schemaVersion(), MANIFEST.modelVersion(), MANIFEST.labels(),
                MANIFEST.sampleRate(), MANIFEST.snippets(), MANIFEST.features(),
                Map.of("logmel", MANIFEST.representations().get("logmel")), EnsembleSpec.mean(), MANIFEST.trainingData());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VerdictAssembler(manifest, 3).assemble(track(), all(), Map.of(), NOW));

        assertTrue(e.getMessage().contains("for which the manifest has no model"), e.getMessage());
    }

    @Test
    void aTrackWithoutAPlanOrFromAnotherModelVersionIsRefused() {
        TrackRecord splitting = TrackRecord.splitting(source(), MANIFEST.modelVersion(), SPLIT_AT);
        assertThrows(IllegalArgumentException.class, () -> assembler.assemble(splitting, all(), Map.of(), NOW));

        TrackRecord older = TrackRecord.splitting(source(), "pipeline-test-0.9", SPLIT_AT)
                .withClassifying(audio(), PLAN, expected(), ENERGY, SPLIT_AT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> assembler.assemble(older, all(), Map.of(), NOW));
        assertTrue(e.getMessage().contains("classified with model pipeline-test-0.9"), e.getMessage());
    }

    private static TrackRecord track() {
        return TrackRecord.splitting(source(), MANIFEST.modelVersion(), SPLIT_AT)
                .withClassifying(audio(), PLAN, expected(), ENERGY, SPLIT_AT);
    }

    private static SourceObject source() {
        return new SourceObject("music", "uploads/take five.mp3", null, "0123456789abcdef", 80_000, null);
    }

    private static AudioInfo audio() {
        return AudioInfo.of(SourceFormat.MP3, 2, 44_100, 22_050, 110_250);
    }

    private static Map<String, Integer> expected() {
        return Map.of("logmel", 1, "spectrogram", 1, "chroma", 1, "waveform", 1);
    }

    private static Map<String, float[][]> all() {
        return Map.of("logmel", LOGMEL, "spectrogram", SPECTROGRAM, "chroma", CHROMA, "waveform", WAVEFORM);
    }

    private static ModelManifest withEnsemble(EnsembleSpec ensemble) {
        return new ModelManifest(MANIFEST.schemaVersion(), MANIFEST.modelVersion(), MANIFEST.labels(),
                MANIFEST.sampleRate(), MANIFEST.snippets(), MANIFEST.features(), MANIFEST.representations(), ensemble,
                MANIFEST.trainingData());
    }

    private static double[] normalised(double... values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / sum;
        }
        return out;
    }

    private static void assertScores(double[] expected, List<Double> actual) {
        assertArrayEquals(expected, actual.stream().mapToDouble(Double::doubleValue).toArray(), EXACT);
    }

    private static void assertEntry(TimelineEntry entry, int snippet, double startSeconds, String genre, double probability) {
        assertEquals(snippet, entry.snippet());
        assertEquals(startSeconds, entry.startSeconds());
        assertEquals(genre, entry.genre());
        assertEquals(probability, entry.probability(), EXACT);
    }
}
