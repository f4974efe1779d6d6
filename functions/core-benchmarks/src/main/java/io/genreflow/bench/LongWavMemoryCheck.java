package io.genreflow.bench;

import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.ResamplingStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Decodes and resamples an hour-long 44.1 kHz stereo WAV to 22050 Hz mono and prints the peak heap
 * the JVM used. Run it with a small heap ({@code -Xmx256m}): finishing at all is the check, and the
 * printed peak shows the headroom.
 */
public final class LongWavMemoryCheck {

    private LongWavMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        int targetRate = 22_050;
        SyntheticWav wav = new SyntheticWav(44_100, 2, minutes * 60);
        long started = System.nanoTime();
        long samples = 0;
        double checksum = 0;
        float[] block = new float[8192];
        try (MonoAudioStream stream = new ResamplingStream(AudioDecoder.open(wav), targetRate)) {
            int n;
            while ((n = stream.read(block, 0, block.length)) > 0) {
                samples += n;
                checksum += block[0];
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("long-wav: %.0f min of 44.1 kHz stereo WAV (%.0f MB) -> %d samples at %d Hz%n",
                minutes, wav.totalBytes() / 1e6, samples, targetRate);
        System.out.printf("long-wav: max heap %d MB, peak heap used %.1f MB, %.1f s (%.0fx real time), checksum %.3f%n",
                Runtime.getRuntime().maxMemory() >> 20, peakHeapBytes() / 1e6, seconds, minutes * 60 / seconds,
                checksum);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }
}
