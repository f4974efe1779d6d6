package io.genreflow.audio;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Locale;

/**
 * Interleaved uncompressed samples (the data of WAV, AIFF and Sun AU), read a block at a time and
 * averaged over the channels.
 *
 * <p>When the header announces a length and the data stops short, the complete frames that exist
 * are returned and the next read fails with TRUNCATED. When it announces no length, the data runs
 * to the end of the file and a trailing partial frame is ignored.
 */
final class PcmStream extends BlockMonoStream {

    private static final int BLOCK_FRAMES = 4096;
    private static final int MAX_BLOCK_BYTES = 1 << 20;

    private final SampleLayout layout;
    private final int blockFrames;
    private final byte[] raw;
    private final float[] interleaved;
    private long framesLeft;
    private long framesRead;
    private boolean truncated;

    PcmStream(ByteInput input, SampleLayout layout) throws AudioDecodeException {
        this(input, layout, blockFrames(layout));
    }

    private PcmStream(ByteInput input, SampleLayout layout, int blockFrames) throws AudioDecodeException {
        super(input, layout.sampleRate(), layout.channels(), layout.frames(), blockFrames);
        this.layout = layout;
        this.blockFrames = blockFrames;
        this.raw = new byte[blockFrames * layout.frameBytes()];
        this.interleaved = layout.channels() == 1 ? null : new float[blockFrames * layout.channels()];
        this.framesLeft = layout.frames() < 0 ? Long.MAX_VALUE : layout.frames();
    }

    /** Frames per block, fewer for very wide frames so that a block stays within a megabyte. */
    private static int blockFrames(SampleLayout layout) {
        return Math.max(1, Math.min(BLOCK_FRAMES, MAX_BLOCK_BYTES / layout.frameBytes()));
    }

    @Override
    int decodeBlock(float[] out) throws IOException {
        if (truncated) {
            throw truncatedError();
        }
        int wanted = (int) Math.min(blockFrames, framesLeft);
        if (wanted == 0) {
            return -1;
        }
        int frameBytes = layout.frameBytes();
        int got = input().readUpTo(raw, 0, wanted * frameBytes);
        int frames = got / frameBytes;
        framesRead += frames;
        framesLeft -= frames;
        if (frames < wanted) {
            if (layout.frames() >= 0) {
                truncated = true;
                if (frames == 0) {
                    throw truncatedError();
                }
            } else {
                framesLeft = 0;
            }
        }
        if (frames == 0) {
            return -1;
        }
        int channels = layout.channels();
        if (channels == 1) {
            layout.encoding().toFloat(raw, 0, out, frames);
        } else {
            layout.encoding().toFloat(raw, 0, interleaved, frames * channels);
            averageChannels(interleaved, frames, channels, out);
        }
        return frames;
    }

    private AudioDecodeException truncatedError() {
        long announced = layout.frames();
        long present = framesRead;
        return new AudioDecodeException(Reason.TRUNCATED, format(), String.format(Locale.ROOT,
                "the header announces %d sample frames (%.2f s) but the data stops after %d (%.2f s); the file is truncated",
                announced, announced / (double) sampleRate(), present, present / (double) sampleRate()));
    }

    /** Mono downmix: the mean of each frame's channels. */
    private static void averageChannels(float[] interleaved, int frames, int channels, float[] out) {
        if (channels == 2) {
            for (int i = 0, p = 0; i < frames; i++, p += 2) {
                out[i] = (interleaved[p] + interleaved[p + 1]) * 0.5f;
            }
            return;
        }
        for (int i = 0, p = 0; i < frames; i++) {
            float sum = 0f;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[p++];
            }
            out[i] = sum / channels;
        }
    }
}
