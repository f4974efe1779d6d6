package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import java.io.IOException;
import java.util.Objects;

/**
 * A {@link MonoAudioStream} at another sample rate: pulls the source block by block through a
 * {@link Resampler}. Whatever the read sizes, the samples are exactly those of
 * {@link Resampler#resample} on the whole source; memory stays fixed. When the source already has
 * the target rate its samples pass through untouched.
 */
public final class ResamplingStream implements MonoAudioStream {

    private final MonoAudioStream source;
    private final int targetRate;
    private final Resampler resampler;
    private final float[] input;
    private final float[] output;
    private int outputPosition;
    private int outputEnd;
    private boolean sourceEnded;
    private boolean finished;

    /** Converts {@code source} to {@code targetRate} with the {@link ResamplerQuality#BEST} filter. */
    public ResamplingStream(MonoAudioStream source, int targetRate) {
        this(source, targetRate, ResamplerQuality.BEST);
    }

    public ResamplingStream(MonoAudioStream source, int targetRate, ResamplerQuality quality) {
        this.source = Objects.requireNonNull(source, "source");
        this.targetRate = targetRate;
        int sourceRate = source.sampleRate();
        this.resampler = new Resampler(sourceRate, targetRate, quality);
        if (sourceRate == targetRate) {
            input = null;
            output = null;
        } else {
            input = new float[resampler.inputBlock()];
            output = new float[resampler.maxOutputFor(input.length)];
        }
    }

    @Override
    public SourceFormat format() {
        return source.format();
    }

    @Override
    public int sampleRate() {
        return targetRate;
    }

    @Override
    public int sourceChannels() {
        return source.sourceChannels();
    }

    /** The source's announced length converted to the target rate, or -1 when the source does not know it. */
    @Override
    public long declaredLength() {
        long sourceLength = source.declaredLength();
        return sourceLength < 0 ? -1 : Resampler.outputLength(sourceLength, resampler.inRate(), targetRate);
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (output == null) {
            return source.read(buffer, offset, length);
        }
        if (length == 0) {
            return 0;
        }
        while (outputPosition == outputEnd) {
            if (!refill()) {
                return -1;
            }
        }
        int count = Math.min(length, outputEnd - outputPosition);
        System.arraycopy(output, outputPosition, buffer, offset, count);
        outputPosition += count;
        return count;
    }

    /** Converts the next source block (or the end of the filter after the source ends); false when all is out. */
    private boolean refill() throws IOException {
        if (finished) {
            return false;
        }
        outputPosition = 0;
        if (!sourceEnded) {
            int got = source.read(input, 0, input.length);
            if (got >= 0) {
                outputEnd = resampler.process(input, 0, got, output, 0);
                return true;
            }
            sourceEnded = true;
        }
        int got = resampler.flush(output, 0, output.length);
        if (got < 0) {
            finished = true;
            outputEnd = 0;
            return false;
        }
        outputEnd = got;
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
