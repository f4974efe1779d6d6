package io.genreflow.pcm;

import io.genreflow.split.PcmSink;

import io.genreflow.snippets.SnippetWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole track kept in memory while the splitter writes it, then read snippet by snippet. The
 * samples live in fixed-size chunks, so the buffer never copies what it holds to grow and needs
 * barely more than 4 bytes per sample (an hour at 22050 Hz is 318 MB).
 *
 * <p>Written by one thread; once writing is done any number of threads may read it.
 */
public final class PcmBuffer implements PcmSink, SampleSource {

    private static final int CHUNK_SAMPLES = 1 << 18;

    private final List<float[]> chunks = new ArrayList<>();
    private long totalSamples;

    @Override
    public void accept(float[] samples, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, samples.length);
        int copied = 0;
        while (copied < length) {
            int inChunk = (int) (totalSamples % CHUNK_SAMPLES);
            if (inChunk == 0) {
                chunks.add(new float[CHUNK_SAMPLES]);
            }
            int count = Math.min(length - copied, CHUNK_SAMPLES - inChunk);
            System.arraycopy(samples, offset + copied, chunks.getLast(), inChunk, count);
            copied += count;
            totalSamples += count;
        }
    }

    /** Samples written so far. */
    @Override
    public long totalSamples() {
        return totalSamples;
    }

    @Override
    public float[] read(long start, int length) {
        int available = new SnippetWindow(start, length, totalSamples).availableSamples();
        float[] samples = new float[length];
        int copied = 0;
        while (copied < available) {
            long position = start + copied;
            int inChunk = (int) (position % CHUNK_SAMPLES);
            int count = Math.min(available - copied, CHUNK_SAMPLES - inChunk);
            System.arraycopy(chunks.get((int) (position / CHUNK_SAMPLES)), inChunk, samples, copied, count);
            copied += count;
        }
        return samples;
    }
}
