package io.genreflow.audio;

/**
 * The metadata frame many encoders put first in an MP3: a Xing/Info header (frame count), usually
 * followed by a LAME tag with the encoder delay and padding, or a Fraunhofer VBRI header. It is a
 * valid layer III frame whose audio is silence, so decoders drop it.
 *
 * @param frames         audio frames after this one, or -1 when not recorded
 * @param lameTag        whether a LAME tag (written by LAME and by FFmpeg's encoder) was found
 * @param encoderDelay   samples the encoder put before the signal (0 without a LAME tag)
 * @param encoderPadding samples the encoder put after the signal (0 without a LAME tag)
 */
record Mp3InfoFrame(long frames, boolean lameTag, int encoderDelay, int encoderPadding) {

    private static final int FLAG_FRAMES = 1;
    private static final int FLAG_BYTES = 2;
    private static final int FLAG_TOC = 4;
    private static final int FLAG_QUALITY = 8;
    private static final int TOC_BYTES = 100;
    private static final int LAME_TAG_BYTES = 24;
    private static final int VBRI_OFFSET = 32;
    private static final int VBRI_FRAMES_OFFSET = 14;

    /**
     * Reads the info frame at {@code off} (whose header is {@code header}), or returns null when
     * the frame there is an ordinary audio frame.
     */
    static Mp3InfoFrame parse(byte[] b, int off, int length, MpegFrameHeader header) {
        if (header.layer() != 3) {
            return null;
        }
        int end = Math.min(length, off + header.frameBytes());
        int vbri = off + MpegFrameHeader.BYTES + VBRI_OFFSET;
        if (Bytes.isTag(b, vbri, end, "VBRI") && vbri + VBRI_FRAMES_OFFSET + 4 <= end) {
            return new Mp3InfoFrame(Bytes.u32be(b, vbri + VBRI_FRAMES_OFFSET), false, 0, 0);
        }
        int x = off + MpegFrameHeader.BYTES + (header.crcProtected() ? 2 : 0) + header.sideInfoBytes();
        if (!(Bytes.isTag(b, x, end, "Xing") || Bytes.isTag(b, x, end, "Info")) || x + 8 > end) {
            return null;
        }
        long flags = Bytes.u32be(b, x + 4);
        int p = x + 8;
        long frames = -1;
        if ((flags & FLAG_FRAMES) != 0 && p + 4 <= end) {
            frames = Bytes.u32be(b, p);
        }
        p += (flags & FLAG_FRAMES) != 0 ? 4 : 0;
        p += (flags & FLAG_BYTES) != 0 ? 4 : 0;
        p += (flags & FLAG_TOC) != 0 ? TOC_BYTES : 0;
        p += (flags & FLAG_QUALITY) != 0 ? 4 : 0;
        boolean lame = p + LAME_TAG_BYTES <= end
                && (Bytes.isTag(b, p, end, "LAME") || Bytes.isTag(b, p, end, "Lavf") || Bytes.isTag(b, p, end, "Lavc"));
        if (!lame) {
            return new Mp3InfoFrame(frames, false, 0, 0);
        }
        // Bytes 21..23 of the LAME tag: 12 bits of delay, then 12 bits of padding.
        int delay = Bytes.u8(b, p + 21) << 4 | Bytes.u8(b, p + 22) >> 4;
        int padding = (Bytes.u8(b, p + 22) & 0x0F) << 8 | Bytes.u8(b, p + 23);
        return new Mp3InfoFrame(frames, true, delay, padding);
    }
}
