package io.genreflow.split;

/**
 * How much audio the splitter accepts from one upload, so that a huge or endless file fails
 * with a clear reason instead of exhausting time, memory or storage.
 *
 * @param maxBytes           the most bytes read from the file
 * @param maxDurationSeconds the longest decoded audio, in seconds
 */
public record SplitLimits(long maxBytes, double maxDurationSeconds) {

    /** 2 GiB: an hour of 96 kHz 24-bit stereo WAV (about 2.1 GB) is the largest common case. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;

    /** One hour: long DJ mixes and live sets fit; a held track costs 4 bytes per sample at the model rate. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 3600;

    public SplitLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the byte limit must be positive, got " + maxBytes);
        }
        if (!(maxDurationSeconds > 0) || Double.isInfinite(maxDurationSeconds)) {
            throw new IllegalArgumentException("the duration limit must be a positive number of seconds, got "
                    + maxDurationSeconds);
        }
    }

    /** {@value #DEFAULT_MAX_BYTES} bytes and {@value #DEFAULT_MAX_DURATION_SECONDS} seconds. */
    public static SplitLimits defaults() {
        return new SplitLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DURATION_SECONDS);
    }

    /** The most samples accepted at {@code sampleRate}. */
    long maxSamples(int sampleRate) {
        return (long) Math.ceil(maxDurationSeconds * sampleRate);
    }
}
