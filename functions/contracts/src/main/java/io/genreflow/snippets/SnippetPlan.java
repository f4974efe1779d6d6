package io.genreflow.snippets;

import java.util.List;

/**
 * Every snippet a track is cut into, with its level; stored with the track and read by whoever
 * fetches a snippet's samples.
 *
 * @param sampleRate     sample rate the sample positions refer to, in Hz
 * @param totalSamples   length of the track in samples
 * @param snippetSamples length of every snippet in samples
 * @param hopSamples     distance between regular snippet starts in samples
 * @param snippets       the snippets in start order (at least one)
 */
public record SnippetPlan(int sampleRate, long totalSamples, int snippetSamples, int hopSamples, List<Snippet> snippets) {

    public SnippetPlan {
        if (sampleRate < 1 || totalSamples < 1 || snippetSamples < 1 || hopSamples < 1) {
            throw new IllegalArgumentException("sample rate, track length, snippet length and hop must be positive, got "
                    + sampleRate + ", " + totalSamples + ", " + snippetSamples + ", " + hopSamples);
        }
        snippets = List.copyOf(snippets);
        if (snippets.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one snippet");
        }
    }

    /** Per snippet, whether it is silent: the mask the track score takes. */
    public boolean[] silentMask() {
        boolean[] mask = new boolean[snippets.size()];
        for (Snippet snippet : snippets) {
            mask[snippet.index()] = snippet.silent();
        }
        return mask;
    }

    /** Where snippet {@code index} lies and how to cut it from the signal or a ranged read. */
    public SnippetWindow window(int index) {
        return new SnippetWindow(snippets.get(index).startSample(), snippetSamples, totalSamples);
    }
}
