package io.genreflow.local;

import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code ./genreflow bench-pipeline}: the packaged stack in a child process on a temporary data
 * folder, measured from outside through S3 as a user sees it. Prints (a) upload-to-verdict latency
 * of single warm 30-s clips, (b) throughput of a burst of clips uploaded at once, (c) what each
 * stage costs, from the verdicts' own timings, and the rest of the latency (queues, storage,
 * polling).
 *
 * <p>Options: {@code --clips gtzan|synthetic} (default gtzan when {@code --dataset} exists),
 * {@code --dataset DIR} (default /work/shared/datasets/gtzan-subset), {@code --warmup N} (5),
 * {@code --runs N} (20), {@code --burst N} (200), {@code --threads N} (16 upload threads);
 * any {@code -Dname=value} goes to the stack, e.g. {@code -Dgenreflow.pollers.concurrency=4}.
 */
public final class PipelineBenchmark {

    private static final Duration LATENCY_POLL = Duration.ofMillis(10);
    private static final double SYNTHETIC_SECONDS = 30;

    private PipelineBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options = Options.parse(args);
        List<LoadDriver.Clip> clips = options.clips();
        Path dataDir = Files.createTempDirectory("genreflow-bench");
        System.out.printf("genreflow pipeline benchmark: %d CPUs, JDK %s, clips: %s, stack settings: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), options.clipSource(),
                options.stackSettings().isEmpty() ? "defaults" : options.stackSettings());
        try (StackProcess stack = StackProcess.start(dataDir, options.stackSettings())) {
            LoadDriver driver = new LoadDriver(stack.s3(), stack.bucket());
            latency(driver, clips, options);
            throughput(driver, clips, options);
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void latency(LoadDriver driver, List<LoadDriver.Clip> clips, Options options) {
        for (int i = 0; i < options.warmup(); i++) {
            LoadDriver.Upload upload = driver.upload(renamed(clips.get(i % clips.size()), "warmup-" + i));
            driver.awaitVerdict(upload.key(), LATENCY_POLL, Duration.ofMinutes(2));
        }
        List<Long> latencies = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            LoadDriver.Clip clip = renamed(clips.get((options.warmup() + i) % clips.size()), "latency-" + i);
            long start = System.nanoTime();
            LoadDriver.Upload upload = driver.upload(clip);
            driver.awaitVerdict(upload.key(), LATENCY_POLL, Duration.ofMinutes(2));
            latencies.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            keys.add(upload.key());
        }
        Map<String, Verdict> verdicts = verdictsOf(driver, keys);
        System.out.printf("%n(a) latency, upload start to verdict readable, %d sequential warm runs after %d warm-up"
                        + " uploads (polled every %d ms):%n    median %d ms, p90 %d ms, min %d ms, max %d ms%n",
                options.runs(), options.warmup(), LATENCY_POLL.toMillis(), percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 0), percentile(latencies, 100));
        List<Long> hops = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            hops.add(latencies.get(i) - criticalPath(verdicts.get(keys.get(i)).timingsMs()));
        }
        stageCosts("single warm clip", verdicts.values());
        classifierSteps(driver, verdicts.values());
        System.out.printf("    queues, storage and polling (latency - split - slowest classify - aggregate):"
                + " median %d ms, p90 %d ms%n", percentile(hops, 50), percentile(hops, 90));
    }

    private static void throughput(LoadDriver driver, List<LoadDriver.Clip> clips, Options options) {
        List<LoadDriver.Clip> burst = IntStream.range(0, options.burst())
                .mapToObj(i -> renamed(clips.get(i % clips.size()), "burst-" + i)).toList();
        long start = System.nanoTime();
        Map<String, LoadDriver.Upload> uploads = driver.uploadAll(burst, options.threads());
        long uploaded = System.nanoTime();
        driver.awaitVerdicts(uploads.keySet(), Duration.ofMinutes(20));
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, TrackRecord> tracks = new TreeMap<>();
        driver.trackRecords().forEach(track -> tracks.put(track.source().key(), track));
        double audioSeconds = uploads.keySet().stream()
                .mapToDouble(key -> tracks.get(key).audio().durationSeconds()).sum();
        System.out.printf("%n(b) throughput, %d clips (%.0f s of audio) uploaded at once by %d threads:%n"
                        + "    uploads took %.1f s; first upload to last verdict %.1f s = %.1f x real time"
                        + " (%.2f tracks/s)%n",
                uploads.size(), audioSeconds, options.threads(), (uploaded - start) / 1e9, wallSeconds,
                audioSeconds / wallSeconds, uploads.size() / wallSeconds);
        stageCosts("during the burst", verdictsOf(driver, uploads.keySet()).values());
    }

    /** Split, then the representations side by side, then the aggregate: the compute a verdict waits for. */
    private static long criticalPath(Map<String, Long> timings) {
        long slowestClassify = timings.entrySet().stream().filter(e -> e.getKey().startsWith("classify."))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
        return timings.getOrDefault("split", 0L) + slowestClassify + timings.getOrDefault("aggregate", 0L);
    }

    private static void stageCosts(String when, Iterable<Verdict> verdicts) {
        Map<String, List<Long>> byStage = new TreeMap<>(Comparator.comparing(PipelineBenchmark::stageOrder)
                .thenComparing(Comparator.naturalOrder()));
        for (Verdict verdict : verdicts) {
            verdict.timingsMs().forEach((stage, ms) -> byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(ms));
        }
        System.out.printf("(c) stage costs %s, from the verdicts' timingsMs, median / p90 ms:%n", when);
        byStage.forEach((stage, values) -> System.out.printf("    %-22s %6d / %6d%n", stage,
                percentile(values, 50), percentile(values, 90)));
    }

    /** What the classify.<representation> figures add up: the steps each classifier call times. */
    private static void classifierSteps(LoadDriver driver, Iterable<Verdict> verdicts) {
        Map<String, List<Long>> bySteps = new TreeMap<>();
        for (Verdict verdict : verdicts) {
            for (String representation : verdict.trackScores().keySet()) {
                Map<String, Long> perTrack = new TreeMap<>();
                driver.keysUnder(S3Keys.partialResults(verdict.trackId(), Representation.fromId(representation)))
                        .stream().filter(key -> !key.endsWith(".failed.json"))
                        .map(key -> driver.read(key, PartialResult.class))
                        .forEach(result -> result.timingsMs().forEach((step, ms) ->
                                perTrack.merge(representation + "." + step, ms, Long::sum)));
                perTrack.forEach((step, ms) -> bySteps.computeIfAbsent(step, s -> new ArrayList<>()).add(ms));
            }
        }
        System.out.println("    classifier steps per track (the partial results' timingsMs), median / p90 ms:");
        bySteps.forEach((step, values) -> System.out.printf("      %-28s %6d / %6d%n", step,
                percentile(values, 50), percentile(values, 90)));
    }

    private static int stageOrder(String stage) {
        return stage.equals("split") ? 0 : stage.startsWith("classify.") ? 1 : 2;
    }

    private static Map<String, Verdict> verdictsOf(LoadDriver driver, Iterable<String> uploadKeys) {
        Map<String, LoadDriver.StoredVerdict> all = driver.verdicts();
        Map<String, Verdict> verdicts = new TreeMap<>();
        uploadKeys.forEach(key -> verdicts.put(key, all.get(S3Keys.verdictForUpload(key)).verdict()));
        return verdicts;
    }

    private static long percentile(List<Long> values, int percent) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static LoadDriver.Clip renamed(LoadDriver.Clip clip, String stem) {
        String name = clip.name();
        return new LoadDriver.Clip(stem + name.substring(name.lastIndexOf('.')), clip.body());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The command line. */
    private record Options(String clipSource, Path dataset, int warmup, int runs, int burst, int threads,
                           List<String> stackSettings) {

        static final String USAGE = "options: --clips gtzan|synthetic (30-s clips; gtzan when the dataset exists)"
                + " --dataset DIR (/work/shared/datasets/gtzan-subset) --warmup N (5) --runs N (20) --burst N (200)"
                + " --threads N (16 upload threads) -Dgenreflow.<setting>=<value> (passed to the stack)";

        static Options parse(String[] args) {
            Path dataset = Path.of("/work/shared/datasets/gtzan-subset");
            String clips = null;
            int warmup = 5;
            int runs = 20;
            int burst = 200;
            int threads = 16;
            List<String> settings = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("-D")) {
                    settings.add(arg);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw usage("missing the value of " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--clips" -> clips = value;
                    case "--dataset" -> dataset = Path.of(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--burst" -> burst = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    default -> throw usage("unknown option " + arg);
                }
            }
            if (clips == null) {
                clips = Files.isDirectory(dataset) ? "gtzan" : "synthetic";
            }
            if (!clips.equals("gtzan") && !clips.equals("synthetic")) {
                throw usage("--clips is gtzan or synthetic, not " + clips);
            }
            if (runs < 1 || burst < 1 || threads < 1 || warmup < 0) {
                throw usage("--runs, --burst and --threads must be positive, --warmup not negative");
            }
            return new Options(clips, dataset, warmup, runs, burst, threads, List.copyOf(settings));
        }

        /** The clips to upload, in a fixed order so runs are comparable. */
        List<LoadDriver.Clip> clips() {
            if (clipSource.equals("synthetic")) {
                return IntStream.range(0, burst).mapToObj(i -> new LoadDriver.Clip("synthetic-" + i + ".wav",
                        () -> RequestBody.fromBytes(GeneratedAudio.musicWav(SYNTHETIC_SECONDS, i)))).toList();
            }
            try (Stream<Path> files = Files.walk(dataset)) {
                TreeSet<Path> audio = files.filter(Files::isRegularFile)
                        .filter(f -> Stream.of(".ogg", ".wav", ".mp3", ".flac", ".au")
                                .anyMatch(f.getFileName().toString()::endsWith))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (audio.isEmpty()) {
                    throw usage("no audio files under " + dataset);
                }
                return spread(new ArrayList<>(audio)).stream().map(path -> new LoadDriver.Clip(
                        path.getFileName().toString(), () -> RequestBody.fromFile(path))).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dataset, e);
            }
        }

        /** Interleaves the genre folders, so any prefix of the list mixes genres. */
        private static List<Path> spread(List<Path> sorted) {
            Map<Path, List<Path>> byFolder = new TreeMap<>();
            sorted.forEach(path -> byFolder.computeIfAbsent(path.getParent(), p -> new ArrayList<>()).add(path));
            List<Path> mixed = new ArrayList<>();
            for (int i = 0; mixed.size() < sorted.size(); i++) {
                for (List<Path> folder : byFolder.values()) {
                    if (i < folder.size()) {
                        mixed.add(folder.get(i));
                    }
                }
            }
            return mixed;
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException(problem + "; " + USAGE);
        }
    }
}
