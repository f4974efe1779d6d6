package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;

/**
 * Reads a Sun/NeXT AU header (big-endian, magic ".snd") and skips its annotation. A data size of
 * 0xFFFFFFFF is the format's own "unknown size": the data then runs to the end of the file. Any
 * other size is trusted, and data that stops short of it is an error.
 */
final class AuHeader {

    private static final int HEADER_BYTES = 24;
    private static final long SIZE_UNKNOWN = 0xFFFFFFFFL;

    private AuHeader() {
    }

    static SampleLayout read(ByteInput in) throws IOException {
        byte[] b = new byte[HEADER_BYTES];
        in.readFully(b, 0, HEADER_BYTES, "the AU header");
        long dataOffset = Bytes.u32be(b, 4);
        long dataSize = Bytes.u32be(b, 8);
        long code = Bytes.u32be(b, 12);
        long sampleRate = Bytes.u32be(b, 16);
        long channels = Bytes.u32be(b, 20);
        if (dataOffset < HEADER_BYTES) {
            throw new AudioDecodeException(Reason.INVALID_HEADER, SourceFormat.AU,
                    "the data offset " + dataOffset + " points inside the 24-byte header");
        }
        PcmEncoding encoding = encoding(code);
        BlockMonoStream.checkLayout(SourceFormat.AU, sampleRate, channels);
        in.skipFully(dataOffset - HEADER_BYTES, "the annotation before the audio data");
        long frameBytes = encoding.bytesPerSample() * channels;
        long frames = dataSize == SIZE_UNKNOWN ? -1 : dataSize / frameBytes;
        return new SampleLayout(encoding, (int) channels, (int) sampleRate, frames);
    }

    private static PcmEncoding encoding(long code) throws AudioDecodeException {
        return switch ((int) code) {
            case 1 -> PcmEncoding.MU_LAW;
            case 2 -> PcmEncoding.S8;
            case 3 -> PcmEncoding.S16_BE;
            case 4 -> PcmEncoding.S24_BE;
            case 5 -> PcmEncoding.S32_BE;
            case 6 -> PcmEncoding.F32_BE;
            case 7 -> PcmEncoding.F64_BE;
            case 27 -> PcmEncoding.A_LAW;
            default -> throw new AudioDecodeException(Reason.UNSUPPORTED_ENCODING, SourceFormat.AU,
                    "encoding " + code + " is not supported (only μ-law, A-law, 8/16/24/32-bit linear and"
                            + " 32/64-bit float are); convert the file to WAV or FLAC");
        };
    }
}
