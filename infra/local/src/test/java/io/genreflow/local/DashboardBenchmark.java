package io.genreflow.local;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.storage.TrackIndex;
import io.genreflow.storage.TrackIndexEntry;
import io.genreflow.storage.TrackStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./genreflow bench-dashboard [tracks] [requests]}: starts the packaged stack, classifies one
 * real track, fills the bucket with copies of its record and verdict until it holds {@code tracks}
 * (10,000 by default; one in ten FAILED), as the pipeline leaves them (record, verdict, index entry),
 * then times {@code requests} sequential requests (200 by default) of the tracks page, the API
 * list, a filtered and sorted API list and a track page, each as the client sees it over loopback:
 * the server's time plus a loopback round trip.
 */
public final class DashboardBenchmark {

    private static final int WARMUP = 20;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dataDir = Files.createTempDirectory("genreflow-bench-dashboard");
        System.out.printf("genreflow dashboard benchmark: %d CPUs, JDK %s, %d tracks, %d requests per URL%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), tracks, requests);
        try (StackProcess stack = StackProcess.start(dataDir, List.of())) {
            LoadDriver driver = new LoadDriver(stack.s3(), stack.bucket());
            LoadDriver.Upload seed = driver.upload(new LoadDriver.Clip("bench/seed.wav",
                    () -> RequestBody.fromBytes(GeneratedAudio.musicWav(10, 1))));
            driver.awaitVerdict(seed.key(), Duration.ofMillis(50), Duration.ofMinutes(2));
            long filling = System.nanoTime();
            String sampleId = fill(stack.s3(), stack.bucket(), seed.key(), tracks);
            System.out.printf("filled %d tracks in %.1f s%n", tracks, (System.nanoTime() - filling) / 1e9);
            String base = stack.endpoints().dashboard().replaceAll("/$", "");
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("tracks page  /", base + "/");
            urls.put("API list     /api/tracks", base + "/api/tracks");
            urls.put("API filtered /api/tracks?status=done&sort=confidence", base + "/api/tracks?status=done&sort=confidence");
            urls.put("track page   /tracks/{id}", base + "/tracks/" + sampleId);
            HttpClient http = HttpClient.newHttpClient();
            System.out.printf("%-56s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "max ms");
            for (Map.Entry<String, String> url : urls.entrySet()) {
                List<Double> times = time(http, URI.create(url.getValue()), requests);
                System.out.printf(Locale.ROOT, "%-56s %8.1f %8.1f %8.1f%n", url.getKey(), percentile(times, 50),
                        percentile(times, 95), percentile(times, 100));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Copies of the seed track's record and verdict under new uploads, and one index write per shard. */
    private static String fill(S3Client s3, String bucket, String seedKey, int tracks) throws Exception {
        TrackStore store = new TrackStore(s3, bucket);
        String seedVerdictKey = S3Keys.verdictForUpload(seedKey);
        Verdict verdict = store.read(seedVerdictKey, Verdict.class).value();
        TrackRecord record = store.read(S3Keys.trackRecord(verdict.trackId()), TrackRecord.class).value();
        Map<Integer, Map<String, TrackIndexEntry>> shards = new HashMap<>();
        List<Future<?>> writes = new ArrayList<>();
        String sample = null;
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 1; i < tracks; i++) {
                SourceObject source = new SourceObject(bucket, "uploads/bench/track-" + i + ".wav", null,
                        String.format("%032x", i), record.source().sizeBytes(), null);
                String at = start.plusSeconds(i).toString();
                TrackRecord copy = new TrackRecord(SchemaVersion.CURRENT, source.trackId(), source,
                        S3Keys.uploadName(source.key()), TrackStatus.CLASSIFYING, record.audio(), record.snippets(),
                        record.expectedPartials(), record.energy(), record.modelVersion(), null, at, at);
                boolean failed = i % 10 == 0;
                TrackRecord finished = failed ? copy.withFailed(PipelineStage.SPLITTER, "MP3: stream ends mid-frame",
                        Instant.parse(at)) : copy.withDone(Instant.parse(at));
                Verdict copied = new Verdict(verdict.schemaVersion(), source.trackId(), source, verdict.modelVersion(),
                        verdict.labels(), verdict.genre(), verdict.confidence(), verdict.topK(), verdict.strategy(),
                        verdict.trackScores(), verdict.weights(), verdict.degraded(), verdict.missingRepresentations(),
                        verdict.timeline(), verdict.energy(), verdict.timingsMs(), at);
                TrackIndexEntry entry = TrackIndexEntry.of(finished, null).withTags("Bench " + i, "Artist " + (i % 97));
                shards.computeIfAbsent(S3Keys.indexShardOf(source.trackId()), k -> new HashMap<>())
                        .put(source.trackId().value(), failed ? entry : entry.withVerdict(copied));
                sample = failed ? sample : source.trackId().value();
                writes.add(pool.submit(() -> {
                    s3.putObject(p -> p.bucket(bucket).key(S3Keys.trackRecord(finished.trackId())),
                            RequestBody.fromBytes(ContractJson.write(finished)));
                    if (!failed) {
                        s3.putObject(p -> p.bucket(bucket).key(S3Keys.verdict(finished.trackId())),
                                RequestBody.fromBytes(ContractJson.write(copied)));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        }
        TrackIndex index = new TrackIndex(store);
        shards.forEach((shard, entries) -> index.updateShard(shard, current -> current.putAll(entries)));
        return sample;
    }

    private static List<Double> time(HttpClient http, URI url, int requests) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).build();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < WARMUP + requests; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            if (i >= WARMUP) {
                times.add(ms);
            }
        }
        return times;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }
}
