package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import java.io.IOException;

/**
 * A file that cannot be turned into audio, with a reason a user can act on.
 *
 * <p>The message always says what was detected (or that nothing was) and what is wrong, e.g.
 * "MP3: stream ends mid-frame after 12.4 s (file truncated?)".
 */
public final class AudioDecodeException extends IOException {

    /** Machine-readable category of the failure; the message carries the details. */
    public enum Reason {
        /** Zero bytes. */
        EMPTY,
        /** The bytes match no supported format. */
        UNRECOGNISED_FORMAT,
        /** A known container with an encoding we do not decode (e.g. A-law WAV). */
        UNSUPPORTED_ENCODING,
        /** Header fields that are impossible or inconsistent (zero channels, zero rate, absurd sizes). */
        INVALID_HEADER,
        /** The stream stops before the data it announces. */
        TRUNCATED,
        /** The coded data cannot be decoded. */
        CORRUPT_DATA,
        /** Decoded samples that are not finite numbers (NaN, infinity). */
        INVALID_SAMPLES,
        /** A valid container holding no audio frames (e.g. an ID3 tag alone). */
        NO_AUDIO,
        /** Longer or larger than the configured limit. */
        TOO_LONG
    }

    private final Reason reason;
    private final SourceFormat format;

    public AudioDecodeException(Reason reason, SourceFormat format, String message) {
        this(reason, format, message, null);
    }

    public AudioDecodeException(Reason reason, SourceFormat format, String message, Throwable cause) {
        super(prefix(format) + message, cause);
        this.reason = reason;
        this.format = format;
    }

    private static String prefix(SourceFormat format) {
        return format == null ? "" : format.displayName() + ": ";
    }

    public Reason reason() {
        return reason;
    }

    /** The format detected before the failure, or {@code null} when none was recognised. */
    public SourceFormat format() {
        return format;
    }
}
