package io.genreflow.contracts;

import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetPlan;
import io.genreflow.manifest.EnsembleSpec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** One valid instance of each contract record, for tests. */
final class Samples {

    static final Instant CREATED = Instant.parse("2026-11-20T09:17:04.120Z");
    static final Instant LATER = Instant.parse("2026-11-20T09:17:06.874Z");
    static final List<String> LABELS = List.of("blues", "classical", "jazz", "metal");

    private Samples() {
    }

    static SourceObject source() {
        return new SourceObject("genreflow-demo", "uploads/jazz/take five.mp3", "v1", "1b2cf535f27731c974343645a3985328",
                7_340_032, "0062E99A88DC407460");
    }

    static Energy energy() {
        return new Energy(0.62, EnergyLevel.MEDIUM, new EnergyDescriptors(-14.2, 9.8, 3.4, 0.21, 2150.0));
    }

    static AudioInfo audio() {
        return AudioInfo.of(SourceFormat.MP3, 2, 44_100, 22_050, 661_500);
    }

    static SnippetPlan plan() {
        List<Snippet> snippets = IntStream.range(0, 28)
                .mapToObj(i -> new Snippet(i, i * 22_050L, i == 0 || i == 27 ? -72.5 : -18.0, i == 0 || i == 27))
                .toList();
        return new SnippetPlan(22_050, 661_500, 66_150, 22_050, snippets);
    }

    static Map<String, Integer> expectedPartials() {
        return Map.of("logmel", 2, "spectrogram", 2, "chroma", 1, "waveform", 1);
    }

    static TrackRecord splitting() {
        return TrackRecord.splitting(source(), "gtzan-crnn-2026.11.1", CREATED);
    }

    static TrackRecord classifying() {
        return splitting().withClassifying(audio(), plan(), expectedPartials(), energy(), LATER);
    }

    static SnippetBatchMessage batch() {
        TrackId id = source().trackId();
        return new SnippetBatchMessage(SchemaVersion.CURRENT, id, Representation.LOGMEL, 1, S3Keys.pcm(id), 22_050, 661_500, 66_150,
                List.of(new SnippetBatchMessage.Snippet(16, 352_800), new SnippetBatchMessage.Snippet(17, 374_850)));
    }

    static PartialResult partial() {
        return new PartialResult(SchemaVersion.CURRENT, source().trackId(), Representation.LOGMEL, 1,
                List.of(new PartialResult.SnippetScores(16, List.of(0.05f, 0.1f, 0.7f, 0.15f)),
                        new PartialResult.SnippetScores(17, List.of(0.1f, 0.05f, 0.8f, 0.05f))),
                "gtzan-crnn-2026.11.1", Map.of("read", 12L, "features", 48L, "inference", 31L));
    }

    static Verdict verdict() {
        return new Verdict(SchemaVersion.CURRENT, source().trackId(), source(), "gtzan-crnn-2026.11.1", LABELS,
                "jazz", 0.71, List.of(new LabelScore("jazz", 0.71), new LabelScore("blues", 0.17)),
                EnsembleSpec.Strategy.SELECTIVE_ACTIVATION,
                Map.of("logmel", List.of(0.15, 0.05, 0.75, 0.05), "chroma", List.of(0.2, 0.15, 0.55, 0.1)),
                Map.of("logmel", List.of(0.6, 0.5, 0.75, 0.7), "chroma", List.of(0.4, 0.5, 0.25, 0.3)),
                true, List.of("waveform"),
                List.of(new Verdict.TimelineEntry(0, 0.0, "jazz", 0.52), new Verdict.TimelineEntry(1, 1.0, "blues", 0.47)),
                energy(), Map.of("split", 2240L, "aggregate", 18L), LATER.toString());
    }
}
