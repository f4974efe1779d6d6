package io.genreflow.contracts;

import java.util.List;

/**
 * How a track was cut into snippets, enough to reproduce every snippet: snippet i covers samples
 * [i·hop, i·hop + length) of the PCM, zero-padded past its end.
 *
 * @param lengthSamples  samples per snippet (3 s at the model rate)
 * @param hopSamples     samples between snippet starts (1 s at the model rate)
 * @param count          number of snippets, at least 1 (a short track gets one padded snippet)
 * @param silentSnippets indexes of snippets found silent, ascending; left out of the track score
 */
public record SnippetPlan(int lengthSamples, int hopSamples, int count, List<Integer> silentSnippets) {

    public SnippetPlan {
        Checks.positive(lengthSamples, "snippet length");
        Checks.positive(hopSamples, "snippet hop");
        Checks.positive(count, "snippet count");
        silentSnippets = silentSnippets == null ? List.of() : Checks.list(silentSnippets, "silent snippets");
        int previous = -1;
        for (int index : silentSnippets) {
            if (index <= previous || index >= count) {
                throw new IllegalArgumentException("silent snippets must be distinct ascending indexes below "
                        + count + ", got " + silentSnippets);
            }
            previous = index;
        }
    }

    /** The first PCM sample of snippet {@code index}. */
    public long startSample(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("snippet " + index + " of " + count);
        }
        return (long) index * hopSamples;
    }

    /** Per snippet, whether it is silent: the mask the track score takes. */
    public boolean[] silentMask() {
        boolean[] mask = new boolean[count];
        silentSnippets.forEach(i -> mask[i] = true);
        return mask;
    }
}
