package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import java.util.Optional;

/**
 * Tells the format of an audio file from its first bytes, never from its name: magic numbers for
 * the containers, and for MP3 (which has none) a chain of consecutive valid frame headers after any
 * ID3v2 tags, so that random bytes are not taken for MP3.
 */
public final class FormatDetector {

    /** Leading bytes {@link #detect} should be given (fewer when the file is shorter). */
    public static final int HEAD_BYTES = 16 * 1024;

    private FormatDetector() {
    }

    /**
     * The format of a file that starts with {@code head[0..length)}.
     *
     * @param length valid bytes in {@code head}; a value below {@link #HEAD_BYTES} means these are
     *     all of the file's bytes
     * @return the format, or empty when the bytes match no supported format (Ogg streams count only
     *     when they carry Vorbis)
     */
    public static Optional<SourceFormat> detect(byte[] head, int length) {
        int off = 0;
        long tag;
        while ((tag = Id3v2.tagSize(head, off, length)) > 0) {
            if (off + tag >= length) {
                // The tag runs past what we can see; ID3v2 is the tag format of MP3.
                return Optional.of(SourceFormat.MP3);
            }
            off += (int) tag;
        }
        if (Bytes.isTag(head, off + 8, length, "WAVE")
                && (Bytes.isTag(head, off, length, "RIFF") || Bytes.isTag(head, off, length, "RF64"))) {
            return Optional.of(SourceFormat.WAV);
        }
        if (Bytes.isTag(head, off, length, "FORM")
                && (Bytes.isTag(head, off + 8, length, "AIFF") || Bytes.isTag(head, off + 8, length, "AIFC"))) {
            return Optional.of(SourceFormat.AIFF);
        }
        if (Bytes.isTag(head, off, length, ".snd")) {
            return Optional.of(SourceFormat.AU);
        }
        if (Bytes.isTag(head, off, length, "fLaC")) {
            return Optional.of(SourceFormat.FLAC);
        }
        if (Bytes.isTag(head, off, length, "OggS")) {
            return "vorbis".equals(OggCodecs.identify(head, off, length))
                    ? Optional.of(SourceFormat.OGG_VORBIS) : Optional.empty();
        }
        if (MpegSync.firstFrame(head, off, length, length < HEAD_BYTES) >= 0) {
            return Optional.of(SourceFormat.MP3);
        }
        return Optional.empty();
    }
}
