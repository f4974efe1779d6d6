package io.genreflow.pcm;

/**
 * A track's samples, or the part of them a ranged read fetched, from which snippets are cut.
 * Snippet samples past the track's end read as zeros (only a track shorter than one snippet has
 * them), exactly as {@link io.genreflow.snippets.SnippetWindow} defines a snippet.
 */
public interface SampleSource {

    /** Length of the whole track in samples. */
    long totalSamples();

    /**
     * Samples {@code [start, start + length)} of the track in a new array, zeros where the track
     * has ended.
     *
     * @throws IllegalArgumentException when {@code start} lies outside the track or this source does
     *                                  not hold the track's samples in that range
     */
    float[] read(long start, int length);
}
