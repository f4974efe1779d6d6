package io.genreflow.snippets;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which snippets a track is cut into.
 *
 * <p>Snippets start every hop ({@code k · hop}) as long as they fit in the track. If the last of
 * them ends before the track does, one more snippet covers the tail: the first start on the
 * snippet grid from which a snippet reaches the track's end, so the tail is covered by real audio
 * rather than by a mostly zero-padded snippet the models never saw in training (with a grid of
 * {@code g} samples, fewer than {@code g} zeros follow the end). It overlaps its predecessor by
 * more than usual, which only weighs the tail a little more. A track shorter than one snippet
 * gets exactly one snippet at 0, zero-padded by {@link SnippetWindow#cut}.
 *
 * <p>The grid is 1 sample for snippet framing (the tail snippet ends exactly on the track's end)
 * and the STFT hop for track framing, where every start must be a frame of the track's STFT; the
 * hop is then a multiple of the grid too ({@link SnippetParams#hopSamples(int, int)}).
 */
public final class SnippetPlanner {

    private SnippetPlanner() {
    }

    /**
     * Start samples of the snippets of a {@code totalSamples}-long track, in increasing order.
     *
     * @throws IllegalArgumentException for a track without samples, which has nothing to classify
     */
    public static long[] starts(long totalSamples, int snippetSamples, int hopSamples, int grid) {
        if (totalSamples < 1) {
            throw new IllegalArgumentException("a track of " + totalSamples + " samples has no audio to cut into snippets");
        }
        if (snippetSamples < 1 || hopSamples < 1) {
            throw new IllegalArgumentException("snippet length and hop must be positive, got "
                    + snippetSamples + " and " + hopSamples);
        }
        if (grid < 1 || hopSamples % grid != 0) {
            throw new IllegalArgumentException("the hop (" + hopSamples + " samples) must be a multiple of the"
                    + " snippet grid (" + grid + ")");
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
            starts[(int) regular] = tailStart(totalSamples, snippetSamples, grid);
        }
        return starts;
    }

    /** The first start on the grid whose snippet reaches the end of a track longer than one snippet. */
    static long tailStart(long totalSamples, int snippetSamples, int grid) {
        long earliest = totalSamples - snippetSamples;
        return (earliest + grid - 1) / grid * grid;
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
        long[] starts = starts(total, length, levels.hopSamples(), levels.grid());
        List<Snippet> snippets = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            long present = Math.min(length, total - starts[i]);
            double level = dbfs(Math.sqrt(levels.snippetEnergy(starts[i]) / present));
            snippets.add(new Snippet(i, starts[i], level, level < threshold));
        }
        return new SnippetPlan(levels.sampleRate(), total, length, levels.hopSamples(), snippets);
    }

    /** The plan of a whole signal held in memory; the same as streaming it through a {@link LevelTracker}. */
    public static SnippetPlan plan(SnippetParams params, int sampleRate, int grid, float[] signal) {
        LevelTracker levels = new LevelTracker(params, sampleRate, grid);
        levels.accept(signal, 0, signal.length);
        return plan(levels);
    }

    private static double dbfs(double rms) {
        return Math.max(SnippetParams.LEVEL_FLOOR_DBFS, 20 * Math.log10(rms));
    }
}
