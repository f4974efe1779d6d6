package io.genreflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.audio.AudioDecodeException;
import io.genreflow.contracts.EnsembleResult;
import io.genreflow.contracts.GenreRanking;
import io.genreflow.contracts.LabelScore;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.features.FeatureExtractor;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pcm.PcmRange;
import io.genreflow.snippets.SnippetPlan;
import io.genreflow.snippets.SnippetPlanner;
import io.genreflow.verdict.Ensemble;
import io.genreflow.verdict.SnippetPooling;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTrackClassifierTest {

    /** Scores of one snippet may differ in the last float32 bits between batch sizes (see SnippetScorerTest). */
    private static final double BATCH_TOLERANCE = 2e-6;

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static LocalTrackClassifier classifier;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadModels() throws ModelException {
        classifier = LocalTrackClassifier.load(FixtureModels.pipelineManifest(), LocalTrackClassifier.Settings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void closeModels() {
        classifier.close();
    }

    @Test
    void aOneSecondTrackIsClassifiedFromOneZeroPaddedSnippetAsTheCoreComputesIt() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(1.0, 0, 44_100, 21), 44_100, 2);

        LocalClassification result = classifier.classify(new ByteArrayInputStream(wav), "short take.wav");

        assertEquals(1, result.track().snippets().snippets().size());
        assertEquals(1, result.verdict().timeline().size());
        assertEquals(1.0, result.track().audio().durationSeconds());
        assertMatchesTheCore(TestTracks.decodeDirectly(wav, GeneratedAudio.RATE), result.verdict());
    }

    @Test
    void aTenSecondTrackIsClassifiedSnippetBySnippetAsTheCoreComputesIt() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(10.5, 0, 48_000, 22), 48_000, 1);
        float[] direct = TestTracks.decodeDirectly(wav, GeneratedAudio.RATE);

        LocalClassification result = classifier.classify(new ByteArrayInputStream(wav), "ten.wav");

        SnippetPlan plan = SnippetPlanner.plan(classifier.manifest().snippets(), GeneratedAudio.RATE,
                classifier.manifest().features().snippetGrid(), direct);
        assertEquals(plan, result.track().snippets());
        assertEquals(9, plan.snippets().size(), "every 43 frames (0.9985 s) up to 7 s, then one reaching 10.5 s");
        List<Double> starts = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            starts.add(k * 43 * 512 / 22050.0);
        }
        starts.add(323 * 512 / 22050.0);
        assertEquals(starts, result.verdict().timeline().stream().map(Verdict.TimelineEntry::startSeconds).toList());
        assertMatchesTheCore(direct, result.verdict());
    }

    @Test
    void theTrackIsDescribedAsALocalUploadOfItsBytes() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(2.0, 0, 22_050, 23), 22_050, 1);

        LocalClassification result = classifier.classify(new ByteArrayInputStream(wav), "jazz/so what.wav");

        SourceObject source = result.track().source();
        assertEquals(LocalTrackClassifier.LOCAL_BUCKET, source.bucket());
        assertEquals("uploads/jazz/so what.wav", source.key());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(wav)), source.eTag());
        assertEquals(wav.length, source.sizeBytes());
        assertEquals(TrackStatus.DONE, result.track().status());
        assertEquals("jazz/so what.wav", result.track().name());
        assertEquals(source.trackId(), result.verdict().trackId());
        assertEquals(Map.of("chroma", 1, "logmel", 1, "spectrogram", 1, "waveform", 1), result.track().expectedPartials());
        assertEquals(NOW.toString(), result.verdict().createdAt());
        assertTrue(result.verdict().timingsMs().keySet().containsAll(List.of("split", "classify.logmel",
                "classify.spectrogram", "classify.chroma", "classify.waveform")), result.verdict().timingsMs().toString());
    }

    @Test
    void aFileIsNamedByItsFileNameAndClassifiedLikeItsBytes() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(3.5, 0, 44_100, 24), 44_100, 2);
        Path file = Files.write(temp.resolve("song.wav"), wav);

        Verdict fromFile = classifier.classify(file).verdict();
        Verdict fromBytes = classifier.classify(new ByteArrayInputStream(wav), "song.wav").verdict();

        assertEquals(withoutTimings(fromBytes), withoutTimings(fromFile));
    }

    @Test
    void bytesThatAreNotAudioFailWithTheDecodersReason() {
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> classifier.classify(new ByteArrayInputStream("not audio at all".getBytes()), "notes.txt"));

        assertEquals(AudioDecodeException.Reason.UNRECOGNISED_FORMAT, e.reason());
    }

    @Test
    void aNameThatCannotBeAnUploadIsRefused() {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(1.0, 0, 22_050, 25), 22_050, 1);

        assertThrows(IllegalArgumentException.class,
                () -> classifier.classify(new ByteArrayInputStream(wav), "../escape.wav"));
    }

    @Test
    void aMissingManifestIsATypedFailure() {
        ModelException e = assertThrows(ModelException.class, () -> LocalTrackClassifier.load(
                temp.resolve("manifest.json"), LocalTrackClassifier.Settings.defaults(), Clock.systemUTC()));

        assertEquals(ModelException.Reason.MANIFEST_UNREADABLE, e.reason());
    }

    /**
     * Recomputes the verdict's numbers from the libraries alone: the snippets of the directly
     * decoded signal, each representation's features (each snippet on its own), normalisation and
     * model, pooling, ensemble.
     */
    private static void assertMatchesTheCore(float[] signal, Verdict verdict) throws ModelException {
        ModelManifest manifest = classifier.manifest();
        SnippetPlan plan = SnippetPlanner.plan(manifest.snippets(), manifest.sampleRate(), manifest.features().snippetGrid(), signal);
        Map<String, float[][]> snippetScores = new TreeMap<>();
        Map<String, double[]> trackScores = new TreeMap<>();
        for (String id : manifest.representations().keySet()) {
            Representation representation = Representation.fromId(id);
            FeatureExtractor extractor = FeatureExtractor.create(representation, manifest.features());
            float[][] probabilities = new float[plan.snippets().size()][];
            try (OnnxSnippetClassifier model = OnnxSnippetClassifier.load(FixtureModels.pipelineManifest(), representation,
                    OnnxSnippetClassifier.Options.defaults())) {
                for (int s = 0; s < probabilities.length; s++) {
                    long[] start = {plan.snippets().get(s).startSample()};
                    float[][] features = extractor.extract(PcmRange.whole(signal), start, plan.snippetSamples())[0];
                    manifest.model(representation).normalisation().apply(features);
                    probabilities[s] = model.classify(new float[][][] {features})[0];
                }
            }
            snippetScores.put(id, probabilities);
            trackScores.put(id, SnippetPooling.mean(probabilities, plan.silentMask()));
        }
        EnsembleResult ensemble = Ensemble.combine(manifest.ensemble(), trackScores, trackScores.keySet());
        GenreRanking ranking = GenreRanking.of(ensemble.probabilities(), manifest.labels(), 3);

        trackScores.forEach((id, expected) -> assertArrayEquals(expected,
                verdict.trackScores().get(id).stream().mapToDouble(Double::doubleValue).toArray(), BATCH_TOLERANCE, id));
        assertEquals(ranking.genre(), verdict.genre());
        assertEquals(ranking.confidence(), verdict.confidence(), BATCH_TOLERANCE);
        assertEquals(ranking.topK().stream().map(LabelScore::label).toList(),
                verdict.topK().stream().map(LabelScore::label).toList());
        assertFalse(verdict.degraded());
        assertEquals(plan.snippets().size(), verdict.timeline().size());
        for (int s = 0; s < plan.snippets().size(); s++) {
            Map<String, double[]> ofSnippet = new TreeMap<>();
            for (Map.Entry<String, float[][]> entry : snippetScores.entrySet()) {
                float[] row = entry.getValue()[s];
                ofSnippet.put(entry.getKey(), IntStream.range(0, row.length).mapToDouble(c -> row[c]).toArray());
            }
            GenreRanking best = GenreRanking.of(Ensemble.combine(manifest.ensemble(), ofSnippet, ofSnippet.keySet())
                    .probabilities(), manifest.labels(), 1);
            assertEquals(best.genre(), verdict.timeline().get(s).genre(), "snippet " + s);
            assertEquals(best.confidence(), verdict.timeline().get(s).probability(), BATCH_TOLERANCE, "snippet " + s);
        }
    }

    private static Verdict withoutTimings(Verdict v) {
        return new Verdict(v.schemaVersion(), v.trackId(), v.source(), v.modelVersion(), v.labels(), v.genre(),
                v.confidence(), v.topK(), v.strategy(), v.trackScores(), v.weights(), v.degraded(),
                v.missingRepresentations(), v.timeline(), v.energy(), Map.of(), v.createdAt());
    }
}
