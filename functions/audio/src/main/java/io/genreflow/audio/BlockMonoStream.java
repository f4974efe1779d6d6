package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Base of every decoder: the codec fills one block of mono samples at a time and this class hands
 * them out. It also holds the rules every format shares: sane header values, finite samples, codec
 * library failures turned into typed errors, and a stop for a codec that neither consumes input nor
 * produces samples.
 */
abstract class BlockMonoStream implements MonoAudioStream {

    /** Highest sample rate accepted; real audio tops out at 768 kHz, more is a broken header. */
    static final int MAX_SAMPLE_RATE = 1_000_000;

    /** Most channels accepted; beyond this no downmix to mono is meaningful and the header is suspect. */
    static final int MAX_CHANNELS = 256;

    /** Consecutive empty blocks without any input consumed after which the codec counts as stuck. */
    private static final int MAX_STALLED_BLOCKS = 16;

    private final ByteInput input;
    private final int sampleRate;
    private final int sourceChannels;
    private final long declaredLength;
    private final float[] block;
    private int blockStart;
    private int blockEnd;
    private long producedBeforeBlock;
    private boolean ended;
    private int stalledBlocks;

    BlockMonoStream(ByteInput input, int sampleRate, int sourceChannels, long declaredLength, int blockCapacity)
            throws AudioDecodeException {
        this.input = input;
        checkLayout(input.format(), sampleRate, sourceChannels);
        this.sampleRate = sampleRate;
        this.sourceChannels = sourceChannels;
        this.declaredLength = declaredLength;
        this.block = new float[blockCapacity];
    }

    static void checkLayout(SourceFormat format, long sampleRate, long channels) throws AudioDecodeException {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new AudioDecodeException(Reason.INVALID_HEADER, format,
                    "the header declares " + channels + " channels; expected 1 to " + MAX_CHANNELS);
        }
        if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
            throw new AudioDecodeException(Reason.INVALID_HEADER, format,
                    "the header declares a sample rate of " + sampleRate + " Hz; expected 1 to " + MAX_SAMPLE_RATE + " Hz");
        }
    }

    /**
     * Decodes the next piece of audio as mono samples into {@code out}, from index 0.
     *
     * @return the number of samples written (0 is allowed while the codec works through headers),
     *     or -1 at the end of the audio
     */
    abstract int decodeBlock(float[] out) throws IOException;

    /** Releases codec state; the input is closed by {@link #close()}. */
    void release() {
    }

    @Override
    public final SourceFormat format() {
        return input.format();
    }

    @Override
    public final int sampleRate() {
        return sampleRate;
    }

    @Override
    public final int sourceChannels() {
        return sourceChannels;
    }

    @Override
    public final long declaredLength() {
        return declaredLength;
    }

    @Override
    public final int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (blockStart == blockEnd) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, blockEnd - blockStart);
        System.arraycopy(block, blockStart, buffer, offset, n);
        blockStart += n;
        return n;
    }

    @Override
    public final void close() throws IOException {
        release();
        input.close();
    }

    private void fill() throws IOException {
        producedBeforeBlock += blockEnd;
        blockStart = 0;
        blockEnd = 0;
        long consumedBefore = input.position();
        int n;
        try {
            n = decodeBlock(block);
        } catch (AudioDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The codec libraries signal damaged data with plain IOExceptions and with index and
            // arithmetic exceptions; only a failure of the source itself passes through unchanged.
            if (input.isSourceFailure(e)) {
                throw e;
            }
            throw new AudioDecodeException(Reason.CORRUPT_DATA, format(),
                    "the decoder failed at " + describeSample(producedBeforeBlock) + " (" + e + "); the file is damaged", e);
        }
        if (n < 0) {
            ended = true;
            return;
        }
        checkFinite(n);
        blockEnd = n;
        if (n == 0 && input.position() == consumedBefore) {
            if (++stalledBlocks > MAX_STALLED_BLOCKS) {
                throw new AudioDecodeException(Reason.CORRUPT_DATA, format(),
                        "the decoder stopped making progress at " + describeSample(producedBeforeBlock) + "; the file is damaged");
            }
        } else {
            stalledBlocks = 0;
        }
    }

    private void checkFinite(int n) throws AudioDecodeException {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(block[i])) {
                throw new AudioDecodeException(Reason.INVALID_SAMPLES, format(),
                        describeSample(producedBeforeBlock + i) + " is " + block[i]
                                + "; audio samples must be finite numbers");
            }
        }
    }

    /** A sample index for messages, e.g. "sample 44100 (1.000 s)". */
    final String describeSample(long sample) {
        return String.format(Locale.ROOT, "sample %d (%.3f s)", sample, sample / (double) sampleRate);
    }

    /** Samples handed out by earlier blocks plus those of the current one. */
    final long samplesProduced() {
        return producedBeforeBlock + blockEnd;
    }

    final ByteInput input() {
        return input;
    }
}
