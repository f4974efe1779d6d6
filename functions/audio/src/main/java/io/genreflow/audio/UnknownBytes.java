package io.genreflow.audio;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.nio.charset.StandardCharsets;

/**
 * Explains bytes that match no supported format: names the common formats we do not decode (so the
 * user knows what to convert), recognises text, and otherwise shows the first bytes.
 */
final class UnknownBytes {

    private static final String SUPPORTED = "WAV, AIFF, Sun AU, FLAC, MP3 or Ogg Vorbis";
    private static final int TEXT_PROBE_BYTES = 512;
    private static final int TEXT_QUOTE_CHARS = 40;

    private UnknownBytes() {
    }

    static AudioDecodeException explain(byte[] b, int length, boolean afterId3Tag) {
        String codec = OggCodecs.identify(b, 0, length);
        if (codec != null) {
            return unsupported("an Ogg container holding " + codec + " is not supported, only Ogg Vorbis is;"
                    + " convert the file to " + SUPPORTED);
        }
        if (Bytes.isTag(b, 4, length, "ftyp")) {
            return unsupported("MP4/M4A files (AAC or ALAC audio) are not supported; convert the file to " + SUPPORTED);
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0) {
            return unsupported("raw AAC (ADTS) streams are not supported; convert the file to " + SUPPORTED);
        }
        String what;
        if (Bytes.isTag(b, 0, length, "OggS")) {
            what = "an Ogg container whose first packet is neither Vorbis nor another known codec (damaged?)";
        } else if (Bytes.isTag(b, 0, length, "RIFF") && length >= 12) {
            what = "a RIFF file of type '" + Bytes.fourCc(b, 8) + "', not WAVE audio";
        } else if (Bytes.isTag(b, 0, length, "MThd")) {
            what = "a MIDI file (notes, not recorded audio)";
        } else if (looksLikeText(b, length)) {
            String text = new String(b, 0, Math.min(length, TEXT_QUOTE_CHARS), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ").strip();
            what = "text (\"" + text + (length > TEXT_QUOTE_CHARS ? "…" : "") + "\"), not audio";
        } else {
            what = "bytes starting " + hex(b, length) + " that match no supported format";
        }
        String prefix = afterId3Tag ? "after its ID3v2 tag the file holds " : "the file holds ";
        return new AudioDecodeException(Reason.UNRECOGNISED_FORMAT, null,
                prefix + what + "; expected " + SUPPORTED);
    }

    private static AudioDecodeException unsupported(String message) {
        return new AudioDecodeException(Reason.UNSUPPORTED_ENCODING, null, message);
    }

    private static boolean looksLikeText(byte[] b, int length) {
        int n = Math.min(length, TEXT_PROBE_BYTES);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            boolean control = c < 0x20 && c != '\n' && c != '\r' && c != '\t';
            // 0xC0, 0xC1 and 0xF5..0xFF never occur in UTF-8 text.
            if (control || c == 0x7F || c == 0xC0 || c == 0xC1 || c >= 0xF5) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] b, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(length, 8); i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
        }
        return s.toString();
    }
}
