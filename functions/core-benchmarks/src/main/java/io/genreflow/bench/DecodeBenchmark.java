package io.genreflow.bench;

import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.Resampler;
import io.genreflow.audio.ResamplingStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding and resampling a 44.1 kHz stereo MP3 (the splitter's hot path), from bytes already in
 * memory so that only the CPU work is timed. The clip's path comes from the system property
 * {@value #CLIP_PROPERTY}; {@code ./genreflow bench} makes one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {

    static final String CLIP_PROPERTY = "genreflow.bench.mp3";
    static final int MODEL_RATE = 22_050;

    private byte[] mp3;
    private float[] decoded;
    private int sourceRate;

    @Setup
    public void load() throws IOException {
        String path = System.getProperty(CLIP_PROPERTY);
        if (path == null) {
            throw new IllegalStateException("set -D" + CLIP_PROPERTY + "=<a 44.1 kHz stereo MP3>");
        }
        mp3 = Files.readAllBytes(Path.of(path));
        try (MonoAudioStream stream = AudioDecoder.open(new ByteArrayInputStream(mp3))) {
            sourceRate = stream.sampleRate();
            decoded = readAll(stream);
        }
    }

    /** Seconds of audio in the clip, for converting times into multiples of real time. */
    static double clipSeconds() throws IOException {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.load();
        return benchmark.decoded.length / (double) benchmark.sourceRate;
    }

    @Benchmark
    public long decodeAndResampleMp3() throws IOException {
        try (MonoAudioStream stream = new ResamplingStream(AudioDecoder.open(new ByteArrayInputStream(mp3)), MODEL_RATE)) {
            return count(stream);
        }
    }

    @Benchmark
    public long decodeMp3() throws IOException {
        try (MonoAudioStream stream = AudioDecoder.open(new ByteArrayInputStream(mp3))) {
            return count(stream);
        }
    }

    @Benchmark
    public float[] resampleOnly() {
        return Resampler.resample(decoded, sourceRate, MODEL_RATE);
    }

    private static long count(MonoAudioStream stream) throws IOException {
        float[] block = new float[8192];
        long count = 0;
        int n;
        while ((n = stream.read(block, 0, block.length)) > 0) {
            count += n;
        }
        return count;
    }

    private static float[] readAll(MonoAudioStream stream) throws IOException {
        float[] all = new float[1 << 16];
        int count = 0;
        int n;
        while ((n = stream.read(all, count, all.length - count)) > 0) {
            count += n;
            if (count == all.length) {
                all = Arrays.copyOf(all, all.length * 2);
            }
        }
        return Arrays.copyOf(all, count);
    }
}
