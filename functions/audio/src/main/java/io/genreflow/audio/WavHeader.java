package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a RIFF/WAVE (or RF64) header up to the first sample: the 'fmt ' chunk, the 'ds64' chunk of
 * RF64, and any other chunk skipped (odd sizes padded to even, as RIFF requires).
 *
 * <p>Supported sample formats: 8-bit unsigned and 16/24/32-bit signed integers, 32/64-bit IEEE
 * floats, A-law and μ-law, plain or inside WAVE_FORMAT_EXTENSIBLE. A data size of 0xFFFFFFFF is the
 * convention of writers that stream (they cannot go back to fill in the size): the data then runs
 * to the end of the file. Any other size is trusted, and data that stops short of it is an error.
 */
final class WavHeader {

    private static final int FMT_BYTES_USED = 40;
    private static final long SIZE_UNKNOWN = 0xFFFFFFFFL;
    private static final int TAG_PCM = 0x0001;
    private static final int TAG_FLOAT = 0x0003;
    private static final int TAG_A_LAW = 0x0006;
    private static final int TAG_MU_LAW = 0x0007;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every WAVE_FORMAT_EXTENSIBLE sub-format GUID derived from a format tag. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private WavHeader() {
    }

    static SampleLayout read(ByteInput in) throws IOException {
        byte[] b = new byte[FMT_BYTES_USED];
        in.readFully(b, 0, 12, "the RIFF header");
        boolean rf64 = Bytes.isTag(b, 0, 4, "RF64");
        long ds64DataSize = -1;
        Fmt fmt = null;
        while (true) {
            int n = in.readUpTo(b, 0, 8);
            if (n == 0) {
                throw new AudioDecodeException(Reason.NO_AUDIO, SourceFormat.WAV, fmt == null
                        ? "the file has neither a 'fmt ' nor a 'data' chunk; it holds no audio"
                        : "the file has no 'data' chunk; it holds no audio");
            }
            if (n < 8) {
                throw in.truncated("a chunk header");
            }
            String id = Bytes.fourCc(b, 0);
            long size = Bytes.u32le(b, 4);
            switch (id) {
                case "fmt " -> {
                    if (size < 16) {
                        throw invalid("the 'fmt ' chunk is " + size + " bytes long; at least 16 are needed");
                    }
                    int used = (int) Math.min(size, FMT_BYTES_USED);
                    in.readFully(b, 0, used, "the 'fmt ' chunk");
                    fmt = Fmt.parse(b, used);
                    in.skipFully(size - used + (size & 1), "the 'fmt ' chunk");
                }
                case "ds64" -> {
                    if (size < 24) {
                        throw invalid("the 'ds64' chunk is " + size + " bytes long; at least 24 are needed");
                    }
                    in.readFully(b, 0, 24, "the 'ds64' chunk");
                    ds64DataSize = Bytes.u64le(b, 8);
                    in.skipFully(size - 24 + (size & 1), "the 'ds64' chunk");
                }
                case "data" -> {
                    if (fmt == null) {
                        throw invalid("the 'data' chunk comes before the 'fmt ' chunk that describes it");
                    }
                    long dataSize = size;
                    if (size == SIZE_UNKNOWN) {
                        dataSize = rf64 ? ds64DataSize : -1;
                    }
                    long frames = dataSize < 0 ? -1 : dataSize / fmt.frameBytes();
                    return new SampleLayout(fmt.encoding, fmt.channels, fmt.sampleRate, frames);
                }
                default -> in.skipFully(size + (size & 1), "the '" + id + "' chunk");
            }
        }
    }

    private static AudioDecodeException invalid(String message) {
        return new AudioDecodeException(Reason.INVALID_HEADER, SourceFormat.WAV, message);
    }

    /** The parts of a 'fmt ' chunk the decoder needs. */
    private record Fmt(PcmEncoding encoding, int channels, int sampleRate) {

        int frameBytes() {
            return encoding.bytesPerSample() * channels;
        }

        static Fmt parse(byte[] b, int length) throws AudioDecodeException {
            int tag = Bytes.u16le(b, 0);
            int channels = Bytes.u16le(b, 2);
            long sampleRate = Bytes.u32le(b, 4);
            int blockAlign = Bytes.u16le(b, 12);
            int bits = Bytes.u16le(b, 14);
            BlockMonoStream.checkLayout(SourceFormat.WAV, sampleRate, channels);
            if (tag == TAG_EXTENSIBLE) {
                if (length < FMT_BYTES_USED) {
                    throw invalid("the WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is " + length + " bytes long; 40 are needed");
                }
                if (!tailMatches(b)) {
                    throw new AudioDecodeException(Reason.UNSUPPORTED_ENCODING, SourceFormat.WAV,
                            "the WAVE_FORMAT_EXTENSIBLE sub-format is not a standard PCM or float GUID; convert the file to plain PCM WAV");
                }
                tag = Bytes.u16le(b, 24);
            }
            if (blockAlign == 0 || blockAlign % channels != 0) {
                throw invalid("the block size of " + blockAlign + " bytes does not hold " + channels + " whole channels");
            }
            int container = blockAlign / channels;
            if (bits == 0 || bits > container * 8) {
                throw invalid(bits + "-bit samples do not fit the " + container + "-byte sample slots");
            }
            PcmEncoding encoding = switch (tag) {
                case TAG_PCM -> container == 1 ? PcmEncoding.U8 : PcmEncoding.signedInteger(container, false);
                case TAG_FLOAT -> PcmEncoding.ieeeFloat(container, false);
                case TAG_A_LAW -> container == 1 ? PcmEncoding.A_LAW : null;
                case TAG_MU_LAW -> container == 1 ? PcmEncoding.MU_LAW : null;
                default -> throw new AudioDecodeException(Reason.UNSUPPORTED_ENCODING, SourceFormat.WAV,
                        "the audio is encoded as " + tagName(tag) + "; only PCM, IEEE float, A-law and μ-law WAV"
                                + " are supported, convert it to PCM WAV, FLAC or MP3");
            };
            if (encoding == null) {
                throw new AudioDecodeException(Reason.UNSUPPORTED_ENCODING, SourceFormat.WAV,
                        tagName(tag) + " samples of " + container + " bytes are not supported; convert the file to 16-bit PCM");
            }
            return new Fmt(encoding, channels, (int) sampleRate);
        }

        private static boolean tailMatches(byte[] b) {
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (b[26 + i] != GUID_TAIL[i]) {
                    return false;
                }
            }
            return true;
        }

        private static String tagName(int tag) {
            String name = switch (tag) {
                case TAG_PCM -> "integer PCM";
                case TAG_FLOAT -> "IEEE float";
                case TAG_A_LAW -> "A-law";
                case TAG_MU_LAW -> "μ-law";
                case 0x0002 -> "Microsoft ADPCM";
                case 0x0011 -> "IMA ADPCM";
                case 0x0031 -> "GSM 6.10";
                case 0x0050 -> "MPEG audio";
                case 0x0055 -> "MP3";
                case 0x00FF, 0x1610 -> "AAC";
                default -> "an unknown codec";
            };
            return String.format(Locale.ROOT, "%s (format tag 0x%04X)", name, tag);
        }
    }
}
