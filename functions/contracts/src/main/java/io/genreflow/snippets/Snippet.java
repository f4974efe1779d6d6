package io.genreflow.snippets;

/**
 * One snippet of a track's plan.
 *
 * @param index       position in the plan, from 0
 * @param startSample first sample of the snippet in the track (at the plan's sample rate)
 * @param rmsDbfs     RMS level of the track's samples inside the snippet, {@code 20·log10(rms)} for
 *                    samples in [-1, 1] (a full-scale square wave is 0 dBFS, a full-scale sine
 *                    -3.01), floored at {@link SnippetParams#LEVEL_FLOOR_DBFS}; the zero padding
 *                    of a track shorter than a snippet does not count
 * @param silent      whether the level is below the plan's silence threshold
 */
public record Snippet(int index, long startSample, double rmsDbfs, boolean silent) {

    public Snippet {
        if (index < 0 || startSample < 0) {
            throw new IllegalArgumentException("snippet index and start must not be negative, got "
                    + index + " and " + startSample);
        }
        if (!(rmsDbfs >= SnippetParams.LEVEL_FLOOR_DBFS) || Double.isInfinite(rmsDbfs)) {
            throw new IllegalArgumentException("snippet level must be a finite dBFS value from "
                    + SnippetParams.LEVEL_FLOOR_DBFS + ", got " + rmsDbfs);
        }
    }
}
