package io.genreflow.contracts;

import java.nio.ByteOrder;

/**
 * The byte layout of {@code work/<id>/audio.pcm}, the decoded audio the splitter writes once.
 *
 * <p>Headerless mono 32-bit IEEE float samples, little-endian, at the model's sample rate (the
 * track record says which). Sample i occupies bytes [4·i, 4·i + 4), so the object is exactly
 * 4 × (sample count) bytes. Float32 is what the feature code consumes, so nothing is lost to
 * requantisation; and with no header, any snippet's bytes are a computable range, so a classifier
 * fetches only its batch with a ranged GET.
 */
public final class PcmLayout {

    /** Bytes per sample. */
    public static final int BYTES_PER_SAMPLE = Float.BYTES;

    /** Byte order of every sample. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private PcmLayout() {
    }

    /** Offset of sample {@code sample}'s first byte. */
    public static long byteOffset(long sample) {
        return Math.multiplyExact(Checks.nonNegative(sample, "sample index"), BYTES_PER_SAMPLE);
    }

    /** The number of samples in a PCM object of this size. */
    public static long sampleCount(long objectBytes) {
        if (objectBytes < 0 || objectBytes % BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException("a PCM object of " + objectBytes + " bytes is not a whole number of "
                    + BYTES_PER_SAMPLE + "-byte samples; it was written incompletely or is not genreflow PCM");
        }
        return objectBytes / BYTES_PER_SAMPLE;
    }

    /**
     * The HTTP Range header value for samples [firstSample, endSample), e.g. "bytes=0-88199" for
     * the first 22050 samples (HTTP ranges name the last byte, not one past it).
     */
    public static String rangeHeader(long firstSample, long endSample) {
        if (endSample <= firstSample) {
            throw new IllegalArgumentException("empty sample range " + firstSample + ".." + endSample);
        }
        return "bytes=" + byteOffset(firstSample) + "-" + (byteOffset(endSample) - 1);
    }
}
