package io.genreflow.snippets;

/**
 * How a track is cut into snippets.
 *
 * <p>The default silence threshold, -60 dBFS RMS, sits below any musical content (even very
 * quiet classical passages measure around -40 to -50 dBFS RMS over three seconds) and above what
 * is left in gaps and fades: dither and converter noise (-90 dBFS and below) and most tape, vinyl
 * or room noise (-60 to -75 dBFS). Snippets under it carry no genre information, so the verdict
 * can leave them out instead of letting the models' guesses on near-silence dilute the score.
 *
 * @param snippetSeconds       length of one snippet, the classifiers' input, in seconds
 * @param hopSeconds           distance between consecutive snippet starts in seconds; at most
 *                             {@code snippetSeconds}, so that no audio falls between snippets
 * @param silenceThresholdDbfs snippets whose RMS level (see {@link Snippet#rmsDbfs()}) is below
 *                             this are flagged silent; between {@link #LEVEL_FLOOR_DBFS} and 0
 */
public record SnippetParams(double snippetSeconds, double hopSeconds, double silenceThresholdDbfs) {

    /** Lowest level reported, in dBFS: digital silence reads as this rather than minus infinity (24-bit audio bottoms out at -144). */
    public static final double LEVEL_FLOOR_DBFS = -150.0;

    public SnippetParams {
        if (!(snippetSeconds > 0) || Double.isInfinite(snippetSeconds)) {
            throw new IllegalArgumentException("snippet length must be a positive number of seconds, got " + snippetSeconds);
        }
        if (!(hopSeconds > 0) || hopSeconds > snippetSeconds) {
            throw new IllegalArgumentException("hop must be positive and at most the snippet length ("
                    + snippetSeconds + " s) so that no audio is skipped, got " + hopSeconds);
        }
        if (!(silenceThresholdDbfs > LEVEL_FLOOR_DBFS && silenceThresholdDbfs < 0)) {
            throw new IllegalArgumentException("silence threshold must lie between " + LEVEL_FLOOR_DBFS
                    + " and 0 dBFS, got " + silenceThresholdDbfs);
        }
    }

    /** Three-second snippets every second, silent below -60 dBFS RMS. */
    public static SnippetParams defaults() {
        return new SnippetParams(3.0, 1.0, -60.0);
    }

    /** Snippet length in samples at {@code sampleRate} (rounded to the nearest sample). */
    public int snippetSamples(int sampleRate) {
        return samples("snippet length", snippetSeconds, sampleRate);
    }

    /** Hop in samples at {@code sampleRate} (rounded to the nearest sample). */
    public int hopSamples(int sampleRate) {
        return hopSamples(sampleRate, 1);
    }

    /**
     * Hop in samples at {@code sampleRate}, rounded to the nearest multiple of {@code grid} (at
     * least one grid step): with track framing the grid is the STFT hop, so a 1-s hop at 22050 Hz
     * becomes 43 hops of 512 samples, 22016 samples (0.9985 s).
     */
    public int hopSamples(int sampleRate, int grid) {
        if (grid < 1) {
            throw new IllegalArgumentException("the snippet grid must be at least one sample, got " + grid);
        }
        int exact = samples("hop", hopSeconds, sampleRate);
        return Math.toIntExact(Math.max(1, Math.round((double) exact / grid)) * grid);
    }

    private static int samples(String what, double seconds, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        long samples = Math.round(seconds * sampleRate);
        if (samples < 1 || samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " of " + seconds + " s is " + samples + " samples at "
                    + sampleRate + " Hz; it must be 1.." + Integer.MAX_VALUE);
        }
        return (int) samples;
    }
}
