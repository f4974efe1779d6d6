package io.genreflow.snippets;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which snippets a track is cut into.
 *
 * <p>Snippets start every hop ({@code k · hop}) as long as they fit in the track. If the last of
 * them ends before the track does, one more snippet is aligned to the track's end, so that the
 * tail is covered by real audio rather than by a mostly zero-padded snippet the models never saw
 * in training; it overlaps its predecessor by more than usual, which only weighs the tail a
 * little more. A track shorter than one snippet gets exactly one snippet at 0, zero-padded by
 * {@link SnippetWindow#cut}.
 */
public final class SnippetPlanner {

    private SnippetPlanner() {
    }

    /**
     * Start samples of the snippets of a {@code totalSamples}-long track, in increasing order.
     *
     * @throws IllegalArgumentException for a track without samples, which has nothing to classify
     */
    public static long[] starts(long totalSamples, int snippetSamples, int hopSamples) {
        if (totalSamples < 1) {
            throw new IllegalArgumentException("a track of " + totalSamples + " samples has no audio to cut into snippets");
        }
        if (snippetSamples < 1 || hopSamples < 1) {
            throw new IllegalArgumentException("snippet length and hop must be positive, got "
                    + snippetSamples + " and " + hopSamples);
        }
        if (totalSamples <= snippetSamples) {
            return new long[] {0};
        }
        long regular = (totalSamples - snippetSamples) / hopSamples + 1;
        long lastEnd = (regular - 1) * hopSamples + snippetSamples;
        long count = lastEnd < totalSamples ? regular + 1 : regular;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a track of " + totalSamples + " samples makes " + count
                    + " snippets of " + snippetSamples + " samples every " + hopSamples + "; too many");
        }
        long[] starts = new long[(int) count];
        for (int k = 0; k < regular; k++) {
            starts[k] = (long) k * hopSamples;
        }
        if (count > regular) {
            starts[(int) regular] = totalSamples - snippetSamples;
        }
        return starts;
    }

    /**
     * The plan of the track whose samples {@code levels} has taken.
     *
     * @throws IllegalArgumentException when it has taken no samples
     */
    public static SnippetPlan plan(LevelTracker levels) {
        long total = levels.totalSamples();
        int length = levels.snippetSamples();
        double threshold = levels.params().silenceThresholdDbfs();
        long[] starts = starts(total, length, levels.hopSamples());
        List<Snippet> snippets = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            long present = Math.min(length, total - starts[i]);
            double level = dbfs(Math.sqrt(levels.snippetEnergy(starts[i]) / present));
            snippets.add(new Snippet(i, starts[i], level, level < threshold));
        }
        return new SnippetPlan(levels.sampleRate(), total, length, levels.hopSamples(), snippets);
    }

    /** The plan of a whole signal held in memory; the same as streaming it through a {@link LevelTracker}. */
    public static SnippetPlan plan(SnippetParams params, int sampleRate, float[] signal) {
        LevelTracker levels = new LevelTracker(params, sampleRate);
        levels.accept(signal, 0, signal.length);
        return plan(levels);
    }

    private static double dbfs(double rms) {
        return Math.max(SnippetParams.LEVEL_FLOOR_DBFS, 20 * Math.log10(rms));
    }
}
