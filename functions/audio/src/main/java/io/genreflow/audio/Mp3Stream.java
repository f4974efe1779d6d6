package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Arrays;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.Obuffer;

/**
 * MPEG audio (MP3, and layers I/II) decoded frame by frame with jlayer, averaged over the channels.
 *
 * <p>Gapless trimming: a leading Xing/Info or VBRI frame is dropped (it decodes to silence). When it
 * carries a LAME tag, the encoder delay plus the synthesis filterbank's {@value #DECODER_DELAY}
 * samples are cut from the start, and the padding minus those samples from the end (computed from
 * the frame count), so the output lines up with the encoder's input sample for sample. Without a
 * LAME tag nothing is trimmed.
 *
 * <p>Trailing ID3v1/APEv2 tags are hidden from jlayer ({@link TrailingTagFilter}).
 *
 * <p>Damage: jlayer resynchronises past bytes that are not frames, as MP3 decoders do, and a
 * truncated last frame ends the stream cleanly with the frames before it; a file cut short is
 * therefore not an error for MP3, where a partial final frame is common. Frame data that makes
 * jlayer fail is CORRUPT_DATA.
 */
final class Mp3Stream extends BlockMonoStream {

    /** Output delay of the layer III hybrid filterbank plus polyphase synthesis, in samples (as in LAME and mpg123). */
    static final int DECODER_DELAY = 529;

    private static final int MAX_SAMPLES_PER_FRAME = 1152;

    /** jlayer's Decoder scales its synthesis output to ±32700 (not 32768); dividing by it restores unit scale. */
    private static final float JLAYER_FULL_SCALE = 32700f;

    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private final MonoSink sink = new MonoSink();
    private long skipLeft;
    private long samplesLeft;

    private Mp3Stream(ByteInput input, MpegFrameHeader first, long declaredLength, long skip) throws AudioDecodeException {
        super(input, first.sampleRate(), first.channels(), declaredLength, MAX_SAMPLES_PER_FRAME);
        this.bitstream = new Bitstream(new TrailingTagFilter(input.asStream()));
        this.decoder.setOutputBuffer(sink);
        this.skipLeft = skip;
        this.samplesLeft = declaredLength < 0 ? Long.MAX_VALUE : declaredLength;
    }

    /**
     * Opens the MP3 whose first bytes are {@code head[0..length)}, as seen by {@link FormatDetector}.
     */
    static Mp3Stream open(ByteInput input, byte[] head, int length) throws IOException {
        int firstFrame = MpegSync.firstFrame(head, 0, length, length < FormatDetector.HEAD_BYTES);
        MpegFrameHeader first = MpegFrameHeader.parse(head, Math.max(firstFrame, 0), length);
        if (firstFrame < 0 || first == null) {
            throw new AudioDecodeException(Reason.CORRUPT_DATA, SourceFormat.MP3, "no MPEG audio frame found");
        }
        input.skipFully(firstFrame, "the bytes before the first frame");
        Mp3InfoFrame info = Mp3InfoFrame.parse(head, firstFrame, length, first);
        long skip = 0;
        long declared = -1;
        if (info != null && info.lameTag()) {
            skip = info.encoderDelay() + DECODER_DELAY;
            long endTrim = Math.max(0, info.encoderPadding() - DECODER_DELAY);
            if (info.frames() >= 0) {
                declared = Math.max(0, info.frames() * first.samplesPerFrame() - skip - endTrim);
            }
        } else if (info != null && info.frames() >= 0) {
            declared = info.frames() * first.samplesPerFrame();
        }
        Mp3Stream stream = new Mp3Stream(input, first, declared, skip);
        if (info != null) {
            stream.dropFrame();
        }
        return stream;
    }

    private void dropFrame() throws IOException {
        try {
            if (bitstream.readFrame() != null) {
                bitstream.closeFrame();
            }
        } catch (JavaLayerException e) {
            throw damaged(e);
        }
    }

    @Override
    int decodeBlock(float[] out) throws IOException {
        if (samplesLeft == 0) {
            return -1;
        }
        try {
            Header header = bitstream.readFrame();
            if (header == null) {
                if (samplesProduced() == 0) {
                    throw new AudioDecodeException(Reason.NO_AUDIO, format(), "the file holds no decodable audio frames");
                }
                return -1;
            }
            if (header.frequency() != sampleRate()) {
                throw new AudioDecodeException(Reason.CORRUPT_DATA, format(), "the sample rate changes from "
                        + sampleRate() + " Hz to " + header.frequency() + " Hz at " + describeSample(samplesProduced())
                        + "; the file looks like several MP3s joined together");
            }
            sink.channels = header.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
            decoder.decodeFrame(header, bitstream);
            bitstream.closeFrame();
        } catch (JavaLayerException e) {
            throw damaged(e);
        }
        int decoded = sink.length();
        int start = (int) Math.min(skipLeft, decoded);
        skipLeft -= start;
        int n = (int) Math.min(decoded - start, samplesLeft);
        System.arraycopy(sink.samples, start, out, 0, n);
        samplesLeft -= n;
        return n;
    }

    private IOException damaged(JavaLayerException e) {
        if (e.getException() instanceof IOException io) {
            return io;
        }
        return new AudioDecodeException(Reason.CORRUPT_DATA, format(),
                "frame data is damaged at " + describeSample(samplesProduced()) + " (" + e.getMessage() + ")", e);
    }

    @Override
    void release() {
        try {
            bitstream.close();
        } catch (JavaLayerException e) {
            // Closing only releases the input, which BlockMonoStream closes again and reports.
        }
    }

    /**
     * Collects jlayer's synthesis output straight into one mono frame: each channel's samples are
     * added, scaled from jlayer's output range to [-1, 1] and divided by the channel count.
     */
    private static final class MonoSink extends Obuffer {

        private final float[] samples = new float[MAX_SAMPLES_PER_FRAME];
        private final int[] written = new int[2];
        private int channels = 1;

        int length() {
            return Math.max(written[0], written[1]);
        }

        @Override
        public void appendSamples(int channel, float[] values) {
            float scale = 1f / (JLAYER_FULL_SCALE * channels);
            int p = written[channel];
            for (int i = 0; i < values.length; i++) {
                samples[p + i] += values[i] * scale;
            }
            written[channel] = p + values.length;
        }

        @Override
        public void append(int channel, short value) {
            samples[written[channel]++] += value / (JLAYER_FULL_SCALE * channels);
        }

        @Override
        public void clear_buffer() {
            Arrays.fill(samples, 0, length(), 0f);
            written[0] = 0;
            written[1] = 0;
        }

        @Override
        public void write_buffer(int value) {
        }

        @Override
        public void close() {
        }

        @Override
        public void set_stop_flag() {
        }
    }
}
