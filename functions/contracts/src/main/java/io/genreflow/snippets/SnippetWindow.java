package io.genreflow.snippets;

/**
 * Where one snippet's samples lie in a track, and how to turn them into the classifier's
 * fixed-length input: the samples from {@code start} on, zero-padded where the track ends first
 * (only a track shorter than one snippet ends inside a planned snippet).
 *
 * @param start        first sample of the snippet in the track
 * @param length       snippet length in samples
 * @param totalSamples length of the whole track in samples
 */
public record SnippetWindow(long start, int length, long totalSamples) {

    public SnippetWindow {
        if (length < 1) {
            throw new IllegalArgumentException("snippet length must be positive, got " + length);
        }
        if (start < 0 || start >= totalSamples) {
            throw new IllegalArgumentException("snippet start " + start + " must lie inside the track's "
                    + totalSamples + " samples");
        }
    }

    /** Samples of the track inside the window: what a ranged read must fetch, from {@link #start()} on. */
    public int availableSamples() {
        return (int) Math.min(length, totalSamples - start);
    }

    /**
     * The snippet's samples, {@link #length()} of them, copied from {@code samples}, which holds
     * the track from sample {@code samplesStart} on: the whole signal ({@code samplesStart = 0})
     * or the result of a ranged read covering this window (e.g. a batch of snippets).
     *
     * @throws IllegalArgumentException when {@code samples} does not cover the window's available samples
     */
    public float[] cut(float[] samples, long samplesStart) {
        int available = availableSamples();
        long from = start - samplesStart;
        if (from < 0 || from + available > samples.length) {
            throw new IllegalArgumentException("samples " + samplesStart + ".." + (samplesStart + samples.length)
                    + " do not cover the snippet's samples " + start + ".." + (start + available));
        }
        float[] snippet = new float[length];
        System.arraycopy(samples, (int) from, snippet, 0, available);
        return snippet;
    }
}
