package io.genreflow.snippets;

import java.util.Arrays;
import java.util.Objects;

/**
 * Measures the level of every snippet of a track while the track streams past, so that the
 * {@link SnippetPlanner} can plan without the signal being kept.
 *
 * <p>It keeps the sum of squares of every hop-sized block and of the first
 * {@code snippet mod hop} samples of each block (for snippets that are not a whole number of
 * hops), which adds up exactly to any snippet on the hop grid: two doubles per hop, about 230 KB
 * for a four-hour track at the default one-second hop. The last snippet may start off the hop
 * grid to reach the track's end ({@link SnippetPlanner}), so the most recent snippet's worth of
 * samples is kept as well (a fixed 265 KB at 22050 Hz).
 */
public final class LevelTracker {

    private final SnippetParams params;
    private final int sampleRate;
    private final int snippetSamples;
    private final int hopSamples;
    private final int grid;
    private final int headSamples;

    private double[] hopEnergy = new double[64];
    private double[] headEnergy = new double[64];
    private int completedHops;
    private double currentHopEnergy;
    private double currentHeadEnergy;
    private int positionInHop;

    private final float[] recent;
    private int recentPosition;
    private long totalSamples;

    /**
     * @param grid the sample grid snippet starts lie on (see {@link SnippetPlanner}): 1, or the
     *             STFT hop under track framing
     */
    public LevelTracker(SnippetParams params, int sampleRate, int grid) {
        this.params = Objects.requireNonNull(params, "params");
        this.sampleRate = sampleRate;
        this.grid = grid;
        snippetSamples = params.snippetSamples(sampleRate);
        hopSamples = params.hopSamples(sampleRate, grid);
        headSamples = snippetSamples % hopSamples;
        recent = new float[snippetSamples];
    }

    /**
     * Takes the next {@code length} samples of the track.
     *
     * @throws IllegalArgumentException if a sample is NaN or infinite (nothing is taken then)
     */
    public void accept(float[] samples, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, samples.length);
        for (int i = offset; i < offset + length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("sample " + (totalSamples + i - offset) + " is " + samples[i]
                        + "; levels need finite samples");
            }
        }
        for (int i = offset; i < offset + length; i++) {
            float sample = samples[i];
            double square = (double) sample * sample;
            currentHopEnergy += square;
            if (positionInHop < headSamples) {
                currentHeadEnergy += square;
            }
            recent[recentPosition] = sample;
            if (++recentPosition == snippetSamples) {
                recentPosition = 0;
            }
            if (++positionInHop == hopSamples) {
                completeHop();
            }
        }
        totalSamples += length;
    }

    public SnippetParams params() {
        return params;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Samples taken so far. */
    public long totalSamples() {
        return totalSamples;
    }

    public int snippetSamples() {
        return snippetSamples;
    }

    public int hopSamples() {
        return hopSamples;
    }

    /** The sample grid snippet starts lie on. */
    public int grid() {
        return grid;
    }

    /**
     * Sum of squares of the track's samples in the snippet starting at {@code start}: a start on
     * the hop grid whose snippet lies inside the track, or a start from which the snippet reaches
     * the track's end (0 for a track shorter than a snippet).
     */
    double snippetEnergy(long start) {
        long tail = totalSamples <= snippetSamples ? 0 : SnippetPlanner.tailStart(totalSamples, snippetSamples, grid);
        if (start == tail) {
            return recentEnergy((int) (totalSamples - tail));
        }
        if (start % hopSamples != 0 || start + snippetSamples > totalSamples) {
            throw new IllegalArgumentException("no level kept for a snippet at " + start + " in a track of "
                    + totalSamples + " samples: starts are multiples of " + hopSamples + " or the track's last snippet");
        }
        int first = (int) (start / hopSamples);
        int wholeHops = snippetSamples / hopSamples;
        double sum = 0;
        for (int hop = first; hop < first + wholeHops; hop++) {
            sum += hopEnergy[hop];
        }
        if (headSamples > 0) {
            int last = first + wholeHops;
            sum += last < completedHops ? headEnergy[last] : currentHeadEnergy;
        }
        return sum;
    }

    /** Sum of squares of the last {@code count} samples taken (at most one snippet's worth). */
    private double recentEnergy(int count) {
        double sum = 0;
        int kept = (int) Math.min(totalSamples, snippetSamples);
        for (int back = 1; back <= Math.min(count, kept); back++) {
            float sample = recent[Math.floorMod(recentPosition - back, snippetSamples)];
            sum += (double) sample * sample;
        }
        return sum;
    }

    private void completeHop() {
        if (completedHops == hopEnergy.length) {
            hopEnergy = Arrays.copyOf(hopEnergy, 2 * completedHops);
            headEnergy = Arrays.copyOf(headEnergy, 2 * completedHops);
        }
        hopEnergy[completedHops] = currentHopEnergy;
        headEnergy[completedHops] = currentHeadEnergy;
        completedHops++;
        currentHopEnergy = 0;
        currentHeadEnergy = 0;
        positionInHop = 0;
    }
}
