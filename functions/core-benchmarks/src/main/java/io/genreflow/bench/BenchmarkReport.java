package io.genreflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.json.Json;
import io.genreflow.manifest.FeatureParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./genreflow bench}: runs the core JMH benchmarks on one thread, then the hour-long WAV
 * memory check under a 256 MB heap, and prints the figures next to their targets and librosa's.
 */
public final class BenchmarkReport {

    private static final double FEATURE_TARGET_MICROS = 1500;
    /** One representation of one snippet when a classifier computes a whole batch. */
    private static final double TRACK_FEATURE_TARGET_MICROS = 1000;
    private static final double DECODE_TARGET_REALTIME = 150;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        String clip = System.getProperty(DecodeBenchmark.CLIP_PROPERTY);
        Options options = new OptionsBuilder()
                .include(FeatureBenchmark.class.getName())
                .include(DecodeBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-D" + DecodeBenchmark.CLIP_PROPERTY + "=" + clip)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        double clipSeconds = DecodeBenchmark.clipSeconds();
        JsonNode librosa = librosaTiming();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-36s %-38s %-10s %s", "benchmark (1 thread)", "score", "target", "librosa 0.11 (same machine kind)"));
        for (RunResult result : results) {
            String name = name(result);
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            String unit = result.getPrimaryResult().getScoreUnit();
            String target = "";
            String reference = "";
            if (name.startsWith("allFourRepresentations")) {
                target = "<= " + (int) FEATURE_TARGET_MICROS + " us";
                reference = librosa == null ? "" : String.format("mel spectrogram alone: %.0f us per 3 s",
                        librosa.at("/melspectrogram_30s_float32/median_s").asDouble() * 1e6 / 10);
            }
            String scoreText = String.format("%.1f ± %.1f %s", score, error, unit);
            if (name.startsWith("snippetsOfATrack")) {
                int snippets = FeatureBenchmark.snippetCount(FeatureParams.Framing.valueOf(result.getParams().getParam("framing")));
                scoreText = String.format("%.0f %s per %d s = %.1f %s per snippet", score, unit,
                        FeatureBenchmark.TRACK_SECONDS, score / snippets, unit);
                target = "<= " + (int) TRACK_FEATURE_TARGET_MICROS + " us/snippet";
            }
            if (name.startsWith("decodeAndResampleMp3") || name.startsWith("decodeMp3") || name.startsWith("resampleOnly")) {
                scoreText += String.format(" = %.0fx real time", clipSeconds / (score / 1000));
                if (name.startsWith("decodeAndResampleMp3")) {
                    target = ">= " + (int) DECODE_TARGET_REALTIME + "x";
                    reference = librosa == null ? "" : String.format("WAV load + kaiser_best: %.0fx real time",
                            30 / librosa.at("/load_resample_44100_to_22050_kaiser_best/median_s").asDouble());
                }
            }
            lines.add(String.format("%-36s %-38s %-10s %s", name, scoreText, target, reference));
        }
        System.out.println();
        System.out.printf("MP3 clip: %s (%.1f s, 44.1 kHz stereo)%n", clip, clipSeconds);
        lines.forEach(System.out::println);
        System.out.println();
        runMemoryCheck();
    }

    private static String name(RunResult result) {
        String label = result.getParams().getBenchmark();
        label = label.substring(label.lastIndexOf('.') + 1);
        String representation = result.getParams().getParam("representation");
        String framing = result.getParams().getParam("framing");
        return label + (representation == null ? "" : " " + representation) + (framing == null ? "" : " " + framing);
    }

    private static JsonNode librosaTiming() throws Exception {
        Path timing = Path.of(System.getProperty("genreflow.bench.librosa-timing", "../shared/reference/librosa/timing.json"));
        return Files.isRegularFile(timing) ? Json.mapper().readTree(timing.toFile()) : null;
    }

    /** The memory check runs in its own JVM so that the heap limit applies to it alone. */
    private static void runMemoryCheck() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LongWavMemoryCheck.class.getName(), "60")
                .inheritIO()
                .redirectErrorStream(true)
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the 60-minute WAV did not decode within a 256 MB heap");
        }
    }
}
