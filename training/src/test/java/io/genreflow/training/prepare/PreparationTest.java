package io.genreflow.training.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.audio.AudioDecodeException;
import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.ResamplingStream;
import io.genreflow.contracts.Representation;
import io.genreflow.features.FeatureSetExtractor;
import io.genreflow.json.Json;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.pcm.PcmRange;
import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.snippets.SnippetPlan;
import io.genreflow.snippets.SnippetPlanner;
import io.genreflow.training.augment.Augmentation;
import io.genreflow.training.csv.CsvTable;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.npy.NpyReader;
import io.genreflow.training.split.SplitParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparationTest {

    private static final int RATE = FeatureParams.defaults().sampleRate();
    private static final int TRACKS_PER_SHARD = 2;

    @TempDir
    static Path work;

    private static Path input;
    private static List<String> inputPaths;
    private static Path reference;
    private static JsonNode description;
    private static CsvTable tracks;
    private static CsvTable snippets;

    @BeforeAll
    static void prepareTheSyntheticDataset() throws Exception {
        input = work.resolve("input");
        inputPaths = SyntheticDataset.write(input);
        reference = work.resolve("reference");
        Preparation.run(TrackListReader.fromFolder(input), settings(SplitParams.defaults()), reference, 3, quiet());
        description = Json.mapper().readTree(reference.resolve("dataset.json").toFile());
        tracks = CsvTable.read(reference.resolve("tracks.csv"));
        snippets = CsvTable.read(reference.resolve("snippets.csv"));
    }

    /** The defaults, with shards of two tracks so that the little dataset spans several. */
    private static PrepareSettings settings(SplitParams splits) {
        return new PrepareSettings(FeatureParams.defaults(), SnippetParams.defaults(), splits, null, Augmentation.DEFAULTS,
                List.of(Representation.values()), TRACKS_PER_SHARD, PrepareSettings.DEFAULT_MAX_TRACK_SECONDS);
    }

    @Test
    void writesTheDocumentedFiles() throws IOException {
        assertEquals(1, description.get("schemaVersion").asInt());
        assertEquals(SyntheticDataset.LABELS, strings(description.get("labels")));
        assertEquals(Json.mapper().valueToTree(FeatureParams.defaults()), description.get("features"));
        assertEquals(3.0, description.get("snippet").get("lengthSeconds").asDouble());
        assertEquals(1.0, description.get("snippet").get("hopSeconds").asDouble());
        JsonNode splits = description.get("splits");
        assertEquals(42, splits.get("seed").asLong());
        assertEquals(0.15, splits.get("validationFraction").asDouble());
        assertEquals(0.15, splits.get("testFraction").asDouble());
        assertEquals(5, splits.get("folds").asInt());
        assertTrue(splits.has("groupColumn") && splits.get("groupColumn").isNull());
        assertEquals(List.of("none", "speed-0.9", "speed-1.1", "speed-1.25", "gain", "noise", "lowpass"),
                strings(description.get("augmentations")));
        assertEquals(DatasetLayout.TRACK_COLUMNS, tracks.header());
        assertEquals(DatasetLayout.SNIPPET_COLUMNS, snippets.header());

        Map<String, int[]> shapes = Map.of("logmel", new int[] {130, 128}, "spectrogram", new int[] {130, 1025},
                "chroma", new int[] {130, 12}, "waveform", new int[] {64, 1024});
        assertEquals(List.of("logmel", "spectrogram", "chroma", "waveform"), fieldNames(description.get("representations")));
        int shards = (inputPaths.size() + TRACKS_PER_SHARD - 1) / TRACKS_PER_SHARD;
        assertEquals(shards, description.get("shards").size());
        for (String representation : shapes.keySet()) {
            int[] shape = shapes.get(representation);
            assertEquals(List.of(shape[0], shape[1]), ints(description.get("representations").get(representation).get("shape")));
            long rows = 0;
            for (int shard = 0; shard < shards; shard++) {
                JsonNode entry = description.get("shards").get(shard);
                assertEquals(DatasetLayout.shardName(shard), entry.get("name").asText());
                Path file = reference.resolve(representation).resolve(entry.get("name").asText() + ".npy");
                try (NpyReader reader = NpyReader.open(file)) {
                    assertEquals("<f2", reader.header().descr());
                    assertFalse(reader.header().fortranOrder());
                    assertEquals(List.of(entry.get("rows").asLong(), (long) shape[0], (long) shape[1]),
                            Arrays.stream(reader.header().shape()).boxed().toList());
                    rows += reader.rows();
                }
            }
            assertEquals(snippets.rows().size(), rows, representation + " rows match snippets.csv");
        }
        for (int row = 0; row < snippets.rows().size(); row++) {
            assertEquals(Integer.toString(row), snippets.rows().get(row).get(0));
        }
        assertEquals(List.of(".prepare", "chroma", "dataset.json", "logmel", "snippets.csv", "spectrogram", "tracks.csv", "waveform"),
                list(reference));
    }

    @Test
    void everyRowIsExactlyWhatTheServingCodeComputes() throws IOException {
        DatasetLayout layout = new DatasetLayout(reference);
        FeatureSetExtractor extractor = FeatureSetExtractor.all(FeatureParams.defaults());
        Map<Representation, ShardRows> shardRows = new HashMap<>();
        for (Representation representation : Representation.values()) {
            shardRows.put(representation, new ShardRows(layout, description, representation));
        }
        int row = 0;
        int silent = 0;
        try {
            for (CsvTable.Row track : tracks.rows()) {
                String id = track.get(1);
                float[] audio = decode(input.resolve(track.get(2)));
                assertEquals((double) audio.length / RATE, Double.parseDouble(track.get(7)), 5e-4);
                for (String name : strings(description.get("augmentations"))) {
                    Augmentation augmentation = Augmentation.named(name);
                    float[] signal = augmentation.apply(audio, RATE, augmentation.randomFor(42, id));
                    SnippetPlan plan = SnippetPlanner.plan(SnippetParams.defaults(), RATE, FeatureParams.defaults().snippetGrid(), signal);
                    long[] starts = plan.snippets().stream().mapToLong(Snippet::startSample).toArray();
                    List<Map<Representation, float[][]>> served =
                            extractor.extract(PcmRange.whole(signal), starts, plan.snippetSamples());
                    for (int i = 0; i < plan.snippets().size(); i++, row++) {
                        CsvTable.Row snippet = snippets.rows().get(row);
                        assertEquals(List.of(Integer.toString(row), track.get(0), track.get(3), track.get(5), track.get(6), name,
                                Long.toString(plan.snippets().get(i).startSample()), Boolean.toString(plan.snippets().get(i).silent())),
                                snippet.fields());
                        silent += plan.snippets().get(i).silent() ? 1 : 0;
                        Map<Representation, float[][]> expected = served.get(i);
                        for (Representation representation : Representation.values()) {
                            assertRoundedEqual(expected.get(representation), shardRows.get(representation).row(row),
                                    representation.id() + " of row " + row);
                        }
                    }
                }
            }
        } finally {
            for (ShardRows rows : shardRows.values()) {
                rows.close();
            }
        }
        assertEquals(snippets.rows().size(), row, "no rows beyond the tracks' snippets");
        assertTrue(silent > 0, "the fading track has silent snippets");
    }

    @Test
    void splitsAreTrackWiseStratifiedAndShownOnEverySnippet() {
        Map<String, String> splitOfTrack = new HashMap<>();
        Map<String, Map<String, Integer>> perLabel = new HashMap<>();
        for (CsvTable.Row track : tracks.rows()) {
            assertTrue(splitOfTrack.put(track.get(0), track.get(5)) == null, "one row per track");
            perLabel.computeIfAbsent(track.get(3), label -> new HashMap<>()).merge(track.get(5), 1, Integer::sum);
            int fold = Integer.parseInt(track.get(6));
            assertTrue(fold >= 0 && fold < 5);
        }
        // Five tracks per label at 15 % / 15 %: 3 / 1 / 1; hiss had a sixth, broken file, assigned but skipped.
        assertEquals(Map.of("train", 3, "validation", 1, "test", 1), perLabel.get("0"));
        assertEquals(Map.of("train", 3, "validation", 1, "test", 1), perLabel.get("2"));
        assertEquals(5, perLabel.get("1").values().stream().mapToInt(Integer::intValue).sum());
        for (CsvTable.Row snippet : snippets.rows()) {
            assertEquals(splitOfTrack.get(snippet.get(1)), snippet.get(3), "a snippet is in its track's split");
        }
        JsonNode counts = description.get("splits").get("trackCounts");
        assertEquals(tracks.rows().size(), counts.get("train").asInt() + counts.get("validation").asInt() + counts.get("test").asInt());
    }

    @Test
    void normalisationComesFromTheTrainSplitsOriginalRowsOnly() throws IOException {
        DatasetLayout layout = new DatasetLayout(reference);
        for (Representation representation : List.of(Representation.LOGMEL, Representation.CHROMA)) {
            try (ShardRows rows = new ShardRows(layout, description, representation)) {
                double[][] trainOriginal = columnStatistics(rows, row -> row.get(3).equals("train") && row.get(5).equals("none"));
                double[][] everything = columnStatistics(rows, row -> true);
                JsonNode stored = description.get("normalisation").get(representation.id());
                for (int column = 0; column < trainOriginal[0].length; column++) {
                    assertEquals(trainOriginal[0][column], stored.get("mean").get(column).asDouble(), 1e-9 * (1 + Math.abs(trainOriginal[0][column])));
                    assertEquals(trainOriginal[1][column], stored.get("std").get(column).asDouble(), 1e-9 * (1 + trainOriginal[1][column]));
                }
                assertNotEquals(everything[0][0], stored.get("mean").get(0).asDouble(), 1e-6, "the selection matters");
            }
        }
    }

    @Test
    void everyTrackHasEveryVariantAndTheyDifferFromTheOriginal() throws IOException {
        Map<String, Set<String>> variants = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (CsvTable.Row snippet : snippets.rows()) {
            variants.computeIfAbsent(snippet.get(1), track -> new HashSet<>()).add(snippet.get(5));
            firstRow.putIfAbsent(snippet.get(1) + "/" + snippet.get(5), Integer.parseInt(snippet.get(0)));
        }
        Set<String> all = new HashSet<>(strings(description.get("augmentations")));
        variants.forEach((track, names) -> assertEquals(all, names, "variants of track " + track));
        try (ShardRows logmel = new ShardRows(new DatasetLayout(reference), description, Representation.LOGMEL)) {
            for (String name : all) {
                if (!name.equals("none")) {
                    assertFalse(Arrays.deepEquals(logmel.row(firstRow.get("0/none")), logmel.row(firstRow.get("0/" + name))), name);
                }
            }
        }
    }

    @Test
    void aBrokenFileIsSkippedAndListed() throws IOException {
        String decoderMessage;
        try (InputStream in = Files.newInputStream(input.resolve(SyntheticDataset.BROKEN));
                MonoAudioStream stream = AudioDecoder.open(in)) {
            stream.read(new float[1024], 0, 1024);
            fail("the broken file decodes");
            return;
        } catch (AudioDecodeException e) {
            decoderMessage = e.getMessage();
        }
        JsonNode skipped = description.get("skipped");
        assertEquals(1, skipped.size());
        assertEquals(SyntheticDataset.BROKEN, skipped.get(0).get("path").asText());
        assertEquals("hiss", skipped.get(0).get("label").asText());
        assertEquals(decoderMessage, skipped.get(0).get("reason").asText());
        assertEquals(inputPaths.size() - 1, tracks.rows().size());
        assertTrue(tracks.rows().stream().noneMatch(track -> track.get(2).equals(SyntheticDataset.BROKEN)));
        for (int i = 0; i < tracks.rows().size(); i++) {
            assertEquals(Integer.toString(i), tracks.rows().get(i).get(0), "prepared tracks are numbered without gaps");
        }
    }

    @Test
    void theThreadCountDoesNotChangeASingleByte() throws Exception {
        Path single = work.resolve("one-thread");
        Preparation.run(TrackListReader.fromFolder(input), settings(SplitParams.defaults()), single, 1, quiet());
        FolderContents.assertIdentical(reference, single);
    }

    @Test
    void aKilledRunContinuesToTheSameBytes() throws Exception {
        Path output = work.resolve("killed");
        Path log = work.resolve("killed.log");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.genreflow.training.Cli", "prepare",
                "--input", input.toString(), "--output", output.toString(), "--tracks-per-shard", Integer.toString(TRACKS_PER_SHARD),
                "--threads", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path firstShard = output.resolve(OutputFolder.STATE_FOLDER).resolve("part-00000.json");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(firstShard)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly().waitFor();
                fail("the child run never finished a shard: " + Files.readString(log));
            }
            Thread.sleep(2);
        }
        child.destroyForcibly().waitFor();
        assertFalse(Files.exists(output.resolve("dataset.json")), "the run was killed before it finished");

        Preparation.run(TrackListReader.fromFolder(input), settings(SplitParams.defaults()), output, 2, quiet());
        FolderContents.assertIdentical(reference, output);
    }

    @Test
    void anotherRunsFolderIsRefused() throws IOException {
        PrepareSettings otherHop = new PrepareSettings(FeatureParams.defaults(), new SnippetParams(3.0, 1.5, -60), SplitParams.defaults(),
                null, Augmentation.DEFAULTS, List.of(Representation.values()), TRACKS_PER_SHARD, PrepareSettings.DEFAULT_MAX_TRACK_SECONDS);
        PrepareException refused = assertThrows(PrepareException.class,
                () -> Preparation.run(TrackListReader.fromFolder(input), otherHop, reference, 1, quiet()));
        assertTrue(refused.getMessage().contains("was prepared with other settings or tracks"), refused.getMessage());
        assertTrue(refused.getMessage().contains("\"hopSeconds\":1.0") && refused.getMessage().contains("\"hopSeconds\":1.5"),
                refused.getMessage());
        assertThrows(PrepareException.class,
                () -> Preparation.run(TrackListReader.fromFolder(input), settings(new SplitParams(7, 0.15, 0.15, 5)), reference, 1, quiet()));

        Path foreign = Files.createDirectories(work.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "someone's file");
        PrepareException notOurs = assertThrows(PrepareException.class,
                () -> Preparation.run(TrackListReader.fromFolder(input), settings(SplitParams.defaults()), foreign, 1, quiet()));
        assertTrue(notOurs.getMessage().contains("not empty and was not written by prepare"), notOurs.getMessage());
    }

    @Test
    void groupsFromAManifestStayTogether() throws Exception {
        StringBuilder manifest = new StringBuilder("file,genre,artist\n");
        List<String> audio = inputPaths.stream().filter(path -> !path.equals(SyntheticDataset.BROKEN)).toList();
        for (int i = 0; i < audio.size(); i++) {
            String path = audio.get(i);
            manifest.append("input/").append(path).append(',').append(path, 0, path.indexOf('/')).append(",artist-").append(i % 4).append('\n');
        }
        Path csv = Files.writeString(work.resolve("manifest.csv"), manifest);
        TrackList list = TrackListReader.fromCsv(csv, "file", "genre", "artist", work);
        PrepareSettings grouped = new PrepareSettings(FeatureParams.defaults(), SnippetParams.defaults(), new SplitParams(5, 0.25, 0.25, 2),
                "artist", List.of(), List.of(Representation.CHROMA), 4, PrepareSettings.DEFAULT_MAX_TRACK_SECONDS);
        Path output = work.resolve("grouped");
        Preparation.run(list, grouped, output, 2, quiet());
        Map<String, Set<String>> splitsOfGroup = new HashMap<>();
        for (CsvTable.Row track : CsvTable.read(output.resolve("tracks.csv")).rows()) {
            splitsOfGroup.computeIfAbsent(track.get(4), group -> new HashSet<>()).add(track.get(5) + " fold " + track.get(6));
        }
        assertEquals(Set.of("artist-0", "artist-1", "artist-2", "artist-3"), splitsOfGroup.keySet());
        splitsOfGroup.forEach((group, seen) -> assertEquals(1, seen.size(), group + " straddles " + seen));
        JsonNode grouping = Json.mapper().readTree(output.resolve("dataset.json").toFile());
        assertEquals("artist", grouping.get("splits").get("groupColumn").asText());
        assertEquals(List.of("none"), strings(grouping.get("augmentations")));
        assertEquals(List.of("chroma"), fieldNames(grouping.get("representations")));
    }

    @Test
    void tracksOverTheLengthLimitAreSkippedBeforeTheyFillMemory() throws Exception {
        TrackList list = TrackListReader.fromFolder(input);
        PrepareSettings shortOnly = new PrepareSettings(FeatureParams.defaults(), SnippetParams.defaults(), SplitParams.defaults(), null,
                List.of(), List.of(Representation.CHROMA), 8, 3.4);
        Path output = work.resolve("short-only");
        Preparation.run(list, shortOnly, output, 2, quiet());
        JsonNode skipped = Json.mapper().readTree(output.resolve("dataset.json").toFile()).get("skipped");
        List<String> tooLong = new ArrayList<>();
        skipped.forEach(entry -> {
            if (entry.get("reason").asText().equals("the track is longer than 3.4 s, the limit set by --max-track-seconds")) {
                tooLong.add(entry.get("path").asText());
            }
        });
        // Tracks 2, 3 and 4 of each label last 3.5 to 3.8 s.
        assertEquals(9, tooLong.size(), tooLong.toString());
        for (CsvTable.Row track : CsvTable.read(output.resolve("tracks.csv")).rows()) {
            assertTrue(Double.parseDouble(track.get(7)) <= 3.4, track.fields().toString());
        }
    }

    private static float[] decode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); MonoAudioStream stream = new ResamplingStream(AudioDecoder.open(in), RATE)) {
            float[] samples = new float[0];
            float[] block = new float[4096];
            for (int read; (read = stream.read(block, 0, block.length)) >= 0; ) {
                samples = Arrays.copyOf(samples, samples.length + read);
                System.arraycopy(block, 0, samples, samples.length - read, read);
            }
            return samples;
        }
    }

    private static void assertRoundedEqual(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + " steps");
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t].length, actual[t].length, what + " features");
            for (int f = 0; f < expected[t].length; f++) {
                float rounded = Float.float16ToFloat(Float.floatToFloat16(expected[t][f]));
                if (Float.compare(rounded, actual[t][f]) != 0) {
                    fail(what + " [" + t + "][" + f + "]: expected " + expected[t][f] + " as float16 " + rounded + ", found " + actual[t][f]);
                }
            }
        }
    }

    /** Per-column population mean and standard deviation over the rows {@code select} picks. */
    private static double[][] columnStatistics(ShardRows rows, java.util.function.Predicate<CsvTable.Row> select) throws IOException {
        double[] sum = null;
        double[] squares = null;
        long count = 0;
        for (CsvTable.Row snippet : snippets.rows()) {
            if (!select.test(snippet)) {
                continue;
            }
            for (float[] step : rows.row(Long.parseLong(snippet.get(0)))) {
                if (sum == null) {
                    sum = new double[step.length];
                    squares = new double[step.length];
                }
                for (int j = 0; j < step.length; j++) {
                    sum[j] += step[j];
                    squares[j] += (double) step[j] * step[j];
                }
                count++;
            }
        }
        double[][] statistics = new double[2][sum.length];
        for (int j = 0; j < sum.length; j++) {
            statistics[0][j] = sum[j] / count;
            statistics[1][j] = Math.sqrt(Math.max(0, squares[j] / count - statistics[0][j] * statistics[0][j]));
        }
        return statistics;
    }

    private static Progress quiet() {
        return new Progress(new PrintStream(OutputStream.nullOutputStream()), System::nanoTime);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
