package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import java.io.Closeable;
import java.io.IOException;

/**
 * A pull-based stream of mono float samples: whatever the source's channel count, callers see
 * one channel, nominally in [-1, 1]. Streams hold a bounded buffer, never the whole signal.
 */
public interface MonoAudioStream extends Closeable {

    /** The detected format of the underlying file. */
    SourceFormat format();

    /** Samples per second of what {@link #read} returns. */
    int sampleRate();

    /** Channel count of the source before the downmix. */
    int sourceChannels();

    /** Sample count the header announces at {@link #sampleRate()}, or -1 when it is not known up front. */
    long declaredLength();

    /**
     * Reads up to {@code length} samples into {@code buffer}.
     *
     * @return the number of samples read (at least 1), or -1 at the end of the stream
     * @throws AudioDecodeException when the data turns out to be broken part-way through
     */
    int read(float[] buffer, int offset, int length) throws IOException;
}
