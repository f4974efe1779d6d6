package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;

/**
 * Reads an AIFF or AIFF-C header (big-endian IFF chunks) up to the first sample: the COMM chunk,
 * then the SSND chunk's offset; other chunks are skipped. AIFF-C is decoded for the uncompressed
 * types ('NONE', 'twos', 'sowt', 'raw ', 'fl32', 'fl64') and G.711 ('ulaw', 'alaw').
 *
 * <p>The COMM chunk must come before SSND, as every common writer puts it: the decoder reads
 * forward only. The sample count is the smaller of COMM's and what the SSND chunk size allows;
 * data that stops short of it is an error.
 */
final class AiffHeader {

    private static final int COMM_BYTES = 18;
    private static final int COMM_BYTES_AIFC = 22;

    private AiffHeader() {
    }

    static SampleLayout read(ByteInput in) throws IOException {
        byte[] b = new byte[COMM_BYTES_AIFC];
        in.readFully(b, 0, 12, "the FORM header");
        boolean aifc = Bytes.isTag(b, 8, 12, "AIFC");
        Comm comm = null;
        while (true) {
            int n = in.readUpTo(b, 0, 8);
            if (n == 0) {
                throw new AudioDecodeException(Reason.NO_AUDIO, SourceFormat.AIFF, comm == null
                        ? "the file has neither a COMM nor an SSND chunk; it holds no audio"
                        : "the file has no SSND chunk; it holds no audio");
            }
            if (n < 8) {
                throw in.truncated("a chunk header");
            }
            String id = Bytes.fourCc(b, 0);
            long size = Bytes.u32be(b, 4);
            switch (id) {
                case "COMM" -> {
                    int needed = aifc ? COMM_BYTES_AIFC : COMM_BYTES;
                    if (size < needed) {
                        throw invalid("the COMM chunk is " + size + " bytes long; at least " + needed + " are needed");
                    }
                    in.readFully(b, 0, needed, "the COMM chunk");
                    comm = Comm.parse(b, aifc);
                    in.skipFully(size - needed + (size & 1), "the COMM chunk");
                }
                case "SSND" -> {
                    if (comm == null) {
                        throw invalid("the SSND sound data comes before the COMM chunk that describes it;"
                                + " re-save the file with a common tool");
                    }
                    if (size < 8) {
                        throw invalid("the SSND chunk is " + size + " bytes long; at least 8 are needed");
                    }
                    in.readFully(b, 0, 8, "the SSND chunk");
                    long offset = Bytes.u32be(b, 0);
                    in.skipFully(offset, "the SSND chunk");
                    long frameBytes = (long) comm.encoding.bytesPerSample() * comm.channels;
                    long framesInChunk = Math.max(0, size - 8 - offset) / frameBytes;
                    return new SampleLayout(comm.encoding, comm.channels, comm.sampleRate,
                            Math.min(comm.frames, framesInChunk));
                }
                default -> in.skipFully(size + (size & 1), "the '" + id + "' chunk");
            }
        }
    }

    private static AudioDecodeException invalid(String message) {
        return new AudioDecodeException(Reason.INVALID_HEADER, SourceFormat.AIFF, message);
    }

    /** The parts of a COMM chunk the decoder needs. */
    private record Comm(PcmEncoding encoding, int channels, long frames, int sampleRate) {

        static Comm parse(byte[] b, boolean aifc) throws AudioDecodeException {
            int channels = (short) Bytes.u16be(b, 0);
            long frames = Bytes.u32be(b, 2);
            int bits = (short) Bytes.u16be(b, 6);
            double rate = extended80(b, 8);
            long sampleRate = Double.isFinite(rate) ? Math.round(rate) : -1;
            BlockMonoStream.checkLayout(SourceFormat.AIFF, sampleRate, channels);
            String compression = aifc ? Bytes.fourCc(b, 18) : "NONE";
            boolean integer = switch (compression) {
                case "NONE", "twos", "sowt", "raw " -> true;
                default -> false;
            };
            if (integer && (bits < 1 || bits > 32)) {
                throw invalid("the COMM chunk declares " + bits + "-bit samples; expected 1 to 32");
            }
            int bytes = (bits + 7) / 8;
            PcmEncoding encoding = switch (compression) {
                case "NONE", "twos" -> PcmEncoding.signedInteger(bytes, true);
                case "sowt" -> PcmEncoding.signedInteger(bytes, false);
                case "raw " -> bytes == 1 ? PcmEncoding.U8 : null;
                case "fl32", "FL32" -> PcmEncoding.F32_BE;
                case "fl64", "FL64" -> PcmEncoding.F64_BE;
                case "ulaw", "ULAW" -> PcmEncoding.MU_LAW;
                case "alaw", "ALAW" -> PcmEncoding.A_LAW;
                default -> null;
            };
            if (encoding == null) {
                throw new AudioDecodeException(Reason.UNSUPPORTED_ENCODING, SourceFormat.AIFF,
                        "AIFF-C compression '" + compression + "' with " + bits + "-bit samples is not supported;"
                                + " convert the file to uncompressed AIFF, WAV or FLAC");
            }
            return new Comm(encoding, channels, frames, (int) sampleRate);
        }
    }

    /** The 80-bit IEEE 754 extended-precision number AIFF stores its sample rate in. */
    static double extended80(byte[] b, int off) {
        int exponent = Bytes.u16be(b, off) & 0x7FFF;
        long mantissa = Bytes.u32be(b, off + 2) << 32 | Bytes.u32be(b, off + 6);
        if (exponent == 0x7FFF) {
            return Double.NaN;
        }
        // The top 53 of the 64 mantissa bits (which include the explicit integer bit) fit a double.
        double value = Math.scalb((double) (mantissa >>> 11), exponent - 16383 - 52);
        return (b[off] & 0x80) != 0 ? -value : value;
    }
}
