package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

/**
 * FLAC decoded frame by frame with jflac and averaged over the channels; integer samples scale by
 * 2^(bits-1) as PCM does, so the result is bit-exact.
 *
 * <p>The metadata blocks are read here: STREAMINFO is checked and every other block is skipped
 * without being held, so sizes claimed by a header (pictures, tags) never become allocations; jflac
 * only ever sees STREAMINFO and the frames. A frame failing its CRC or a loss of frame sync is
 * CORRUPT_DATA. When STREAMINFO announces the sample count and the frames stop short, the decoded
 * samples are returned and then the stream fails with TRUNCATED; without a count (rare) the stream
 * ends cleanly at the end of the input, dropping a partial last frame.
 */
final class FlacStream extends BlockMonoStream {

    private static final int MARKER_BYTES = 4;
    private static final int BLOCK_HEADER_BYTES = 4;
    private static final int STREAMINFO_BYTES = 34;
    private static final int TYPE_STREAMINFO = 0;
    private static final int TYPE_INVALID = 127;
    private static final int MIN_BLOCK_SIZE = 16;

    private final FLACDecoder decoder;
    private final long totalSamples;
    private final ErrorRecorder errors = new ErrorRecorder();
    private long decoded;

    private FlacStream(ByteInput input, StreamInfo info, FLACDecoder decoder) throws AudioDecodeException {
        super(input, info.sampleRate, info.channels, info.totalSamples > 0 ? info.totalSamples : -1, info.maxBlockSize);
        this.decoder = decoder;
        this.totalSamples = info.totalSamples;
        decoder.addFrameListener(errors);
    }

    static FlacStream open(ByteInput input) throws IOException {
        byte[] b = new byte[MARKER_BYTES + BLOCK_HEADER_BYTES + STREAMINFO_BYTES];
        input.readFully(b, 0, MARKER_BYTES + BLOCK_HEADER_BYTES, "the FLAC marker");
        long size = blockSize(b, MARKER_BYTES);
        if ((b[MARKER_BYTES] & 0x7F) != TYPE_STREAMINFO || size < STREAMINFO_BYTES) {
            throw invalid("the first metadata block is not a STREAMINFO block of 34 bytes");
        }
        boolean last = (b[MARKER_BYTES] & 0x80) != 0;
        input.readFully(b, MARKER_BYTES + BLOCK_HEADER_BYTES, STREAMINFO_BYTES, "the STREAMINFO block");
        input.skipFully(size - STREAMINFO_BYTES, "the STREAMINFO block");
        StreamInfo info = StreamInfo.parse(b, MARKER_BYTES + BLOCK_HEADER_BYTES);
        byte[] header = new byte[BLOCK_HEADER_BYTES];
        while (!last) {
            input.readFully(header, 0, BLOCK_HEADER_BYTES, "a metadata block header");
            if ((header[0] & 0x7F) == TYPE_INVALID) {
                throw invalid("a metadata block has the reserved type 127");
            }
            last = (header[0] & 0x80) != 0;
            input.skipFully(blockSize(header, 0), "a metadata block");
        }
        // Hand jflac the marker and STREAMINFO alone, flagged as the last metadata block.
        b[MARKER_BYTES] = (byte) 0x80;
        b[MARKER_BYTES + 1] = 0;
        b[MARKER_BYTES + 2] = 0;
        b[MARKER_BYTES + 3] = STREAMINFO_BYTES;
        FLACDecoder decoder = new FLACDecoder(new SequenceInputStream(new ByteArrayInputStream(b), input.asStream()));
        decoder.readStreamInfo();
        return new FlacStream(input, info, decoder);
    }

    private static long blockSize(byte[] b, int off) {
        return (long) Bytes.u8(b, off + 1) << 16 | Bytes.u16be(b, off + 2);
    }

    private static AudioDecodeException invalid(String message) {
        return new AudioDecodeException(Reason.INVALID_HEADER, SourceFormat.FLAC, message);
    }

    @Override
    int decodeBlock(float[] out) throws IOException {
        if (totalSamples > 0 && decoded >= totalSamples) {
            return -1;
        }
        Frame frame = decoder.readNextFrame();
        if (frame == null) {
            // The input ended, possibly inside a frame (which jflac reports as an error too).
            if (decoded < totalSamples) {
                throw new AudioDecodeException(Reason.TRUNCATED, format(), "STREAMINFO announces " + totalSamples
                        + " samples but the frames stop at " + describeSample(decoded) + "; the file is truncated");
            }
            return -1;
        }
        if (errors.first != null || decoder.getBadFrames() > 0) {
            throw new AudioDecodeException(Reason.CORRUPT_DATA, format(), "a frame is damaged at "
                    + describeSample(decoded) + " (" + (errors.first != null ? errors.first : "undecodable frame") + ")");
        }
        int blockSize = frame.header.blockSize;
        if (blockSize > out.length) {
            throw new AudioDecodeException(Reason.CORRUPT_DATA, format(), "a frame of " + blockSize
                    + " samples exceeds the maximum of " + out.length + " that STREAMINFO declares");
        }
        int n = totalSamples > 0 ? (int) Math.min(blockSize, totalSamples - decoded) : blockSize;
        averageChannels(decoder.getChannelData(), frame.header.channels, frame.header.bitsPerSample, n, out);
        decoded += n;
        return n;
    }

    private static void averageChannels(ChannelData[] data, int channels, int bits, int n, float[] out) {
        float scale = (float) (1.0 / ((double) (1L << (bits - 1)) * channels));
        if (channels == 1) {
            int[] only = data[0].getOutput();
            for (int i = 0; i < n; i++) {
                out[i] = only[i] * scale;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += data[c].getOutput()[i];
            }
            out[i] = sum * scale;
        }
    }

    /** The STREAMINFO fields the decoder needs. */
    private record StreamInfo(int maxBlockSize, int sampleRate, int channels, long totalSamples) {

        static StreamInfo parse(byte[] b, int off) throws AudioDecodeException {
            int maxBlockSize = Bytes.u16be(b, off + 2);
            int sampleRate = Bytes.u8(b, off + 10) << 12 | Bytes.u8(b, off + 11) << 4 | Bytes.u8(b, off + 12) >> 4;
            int channels = (Bytes.u8(b, off + 12) >> 1 & 7) + 1;
            int bits = ((Bytes.u8(b, off + 12) & 1) << 4 | Bytes.u8(b, off + 13) >> 4) + 1;
            long totalSamples = (long) (Bytes.u8(b, off + 13) & 0x0F) << 32 | Bytes.u32be(b, off + 14);
            BlockMonoStream.checkLayout(SourceFormat.FLAC, sampleRate, channels);
            if (maxBlockSize < MIN_BLOCK_SIZE) {
                throw invalid("STREAMINFO declares a maximum block size of " + maxBlockSize + "; at least 16 is needed");
            }
            if (bits < 4) {
                throw invalid("STREAMINFO declares " + bits + "-bit samples; at least 4 bits are needed");
            }
            return new StreamInfo(maxBlockSize, sampleRate, channels, totalSamples);
        }
    }

    /** Keeps the first error jflac reports (a CRC mismatch or lost sync) instead of letting it pass silently. */
    private static final class ErrorRecorder implements FrameListener {

        private String first;

        @Override
        public void processMetadata(Metadata metadata) {
        }

        @Override
        public void processFrame(Frame frame) {
        }

        @Override
        public void processError(String message) {
            if (first == null) {
                first = message;
            }
        }
    }
}
