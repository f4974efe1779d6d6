package io.genreflow.audio;

/**
 * One MPEG-1/2/2.5 audio frame header (layers I to III), decoded from its 32 bits following
 * ISO/IEC 11172-3 and 13818-3.
 *
 * @param version         1 for MPEG-1, 2 for MPEG-2, 25 for MPEG-2.5
 * @param layer           1, 2 or 3
 * @param sampleRate      samples per second
 * @param channels        1 for single-channel mode, otherwise 2
 * @param frameBytes      length of the whole frame, header included
 * @param samplesPerFrame samples per channel the frame decodes to
 * @param crcProtected    whether a 16-bit CRC follows the header
 */
record MpegFrameHeader(int version, int layer, int sampleRate, int channels, int frameBytes, int samplesPerFrame,
        boolean crcProtected) {

    static final int BYTES = 4;

    private static final int[][] BITRATES_KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG-2/2.5 layers II and III
    };
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    /** The header at {@code off}, or null when those bytes are not a valid frame header. */
    static MpegFrameHeader parse(byte[] b, int off, int length) {
        if (off + BYTES > length) {
            return null;
        }
        int h = (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
        if ((h & 0xFFE00000) != 0xFFE00000) {
            return null;
        }
        int versionBits = h >>> 19 & 3;
        int layerBits = h >>> 17 & 3;
        int bitrateIndex = h >>> 12 & 15;
        int rateIndex = h >>> 10 & 3;
        int emphasis = h & 3;
        // Free-format (index 0) streams are not decodable by jlayer, so they count as invalid too.
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3
                || emphasis == 2) {
            return null;
        }
        int version = switch (versionBits) {
            case 3 -> 1;
            case 2 -> 2;
            default -> 25;
        };
        int layer = 4 - layerBits;
        int sampleRate = MPEG1_RATES[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
        int table = version == 1 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitrate = BITRATES_KBPS[table][bitrateIndex] * 1000;
        int padding = h >>> 9 & 1;
        int frameBytes;
        int samplesPerFrame;
        if (layer == 1) {
            frameBytes = (12 * bitrate / sampleRate + padding) * 4;
            samplesPerFrame = 384;
        } else if (layer == 3 && version != 1) {
            frameBytes = 72 * bitrate / sampleRate + padding;
            samplesPerFrame = 576;
        } else {
            frameBytes = 144 * bitrate / sampleRate + padding;
            samplesPerFrame = 1152;
        }
        int channels = (h >>> 6 & 3) == 3 ? 1 : 2;
        boolean crc = (h >>> 16 & 1) == 0;
        return new MpegFrameHeader(version, layer, sampleRate, channels, frameBytes, samplesPerFrame, crc);
    }

    /** Bytes of layer III side information after the header (and CRC); the Xing tag starts there. */
    int sideInfoBytes() {
        if (version == 1) {
            return channels == 1 ? 17 : 32;
        }
        return channels == 1 ? 9 : 17;
    }

    /** Whether a frame with this header can follow one with {@code first}'s in the same stream. */
    boolean sameStreamAs(MpegFrameHeader first) {
        return version == first.version && layer == first.layer && sampleRate == first.sampleRate;
    }
}
