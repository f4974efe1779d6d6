package io.genreflow.pcm;

import io.genreflow.contracts.PcmLayout;
import io.genreflow.snippets.SnippetWindow;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A consecutive run of a track's samples held as an array: the whole track, or what a ranged read
 * of the PCM object returned for a batch of snippets. Immutable, so any number of threads may read
 * it.
 */
public final class PcmRange implements SampleSource {

    private final float[] samples;
    private final long firstSample;
    private final long totalSamples;

    /**
     * @param samples      the track's samples from {@code firstSample} on; kept, not copied
     * @param firstSample  the track position of {@code samples[0]}
     * @param totalSamples the length of the whole track
     */
    public PcmRange(float[] samples, long firstSample, long totalSamples) {
        this.samples = Objects.requireNonNull(samples, "samples");
        if (firstSample < 0 || firstSample + samples.length > totalSamples) {
            throw new IllegalArgumentException("samples " + firstSample + ".." + (firstSample + samples.length)
                    + " do not lie inside a track of " + totalSamples + " samples");
        }
        this.firstSample = firstSample;
        this.totalSamples = totalSamples;
    }

    /** A whole track held in memory. */
    public static PcmRange whole(float[] track) {
        return new PcmRange(track, 0, track.length);
    }

    /**
     * The samples in {@link PcmLayout} bytes of the PCM object, e.g. the body of a ranged GET.
     *
     * @param bytes        the bytes from sample {@code firstSample} on
     * @param firstSample  the track position of the first sample in {@code bytes}
     * @param totalSamples the length of the whole track (the track record's)
     * @throws IllegalArgumentException when the bytes are not whole samples or overrun the track
     */
    public static PcmRange fromBytes(byte[] bytes, long firstSample, long totalSamples) {
        float[] samples = new float[Math.toIntExact(PcmLayout.sampleCount(bytes.length))];
        ByteBuffer.wrap(bytes).order(PcmLayout.BYTE_ORDER).asFloatBuffer().get(samples);
        return new PcmRange(samples, firstSample, totalSamples);
    }

    @Override
    public long totalSamples() {
        return totalSamples;
    }

    @Override
    public float[] read(long start, int length) {
        return new SnippetWindow(start, length, totalSamples).cut(samples, firstSample);
    }
}
