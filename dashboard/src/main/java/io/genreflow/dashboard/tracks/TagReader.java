package io.genreflow.dashboard.tracks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds title and artist in the first bytes of an audio file: an ID3v2 tag (MP3, some FLAC and
 * WAV files), FLAC's Vorbis comment block, the Vorbis comment header of an Ogg Vorbis stream, or a
 * RIFF LIST/INFO chunk ahead of a WAV file's samples. Anything it cannot read, truncated or
 * malformed, gives {@link TrackTags#NONE} rather than an error: tags are a nicety, the file name
 * stands in for them.
 */
public final class TagReader {

    /** How much of a file's start is read: enough for tags ahead of a typical embedded cover image. */
    public static final int HEAD_BYTES = 512 * 1024;

    private TagReader() {
    }

    /** The tags in {@code head}, the first bytes of a file. */
    public static TrackTags read(byte[] head) {
        try {
            return readUnchecked(head);
        } catch (RuntimeException e) {
            // Truncated or malformed tags: every parse below indexes into untrusted bytes.
            return TrackTags.NONE;
        }
    }

    private static TrackTags readUnchecked(byte[] b) {
        if (starts(b, 0, "ID3")) {
            TrackTags id3 = id3v2(b);
            if (id3.title() != null || id3.artist() != null) {
                return id3;
            }
            int after = 10 + syncsafe(b, 6);
            return starts(b, after, "fLaC") ? flac(b, after) : TrackTags.NONE;
        }
        if (starts(b, 0, "fLaC")) {
            return flac(b, 0);
        }
        if (starts(b, 0, "OggS")) {
            return ogg(b);
        }
        if (starts(b, 0, "RIFF") && starts(b, 8, "WAVE")) {
            return riff(b);
        }
        return TrackTags.NONE;
    }

    private static TrackTags id3v2(byte[] b) {
        int major = b[3] & 0xff;
        int flags = b[5] & 0xff;
        int end = Math.min(b.length, 10 + syncsafe(b, 6));
        int pos = 10;
        if ((flags & 0x40) != 0 && major >= 3) {
            pos += major == 4 ? syncsafe(b, pos) : 4 + int32(b, pos);
        }
        int idLength = major == 2 ? 3 : 4;
        int headerLength = major == 2 ? 6 : 10;
        String title = null;
        String artist = null;
        while (pos + headerLength <= end && b[pos] != 0) {
            String id = new String(b, pos, idLength, StandardCharsets.ISO_8859_1);
            int size = major == 2 ? int24(b, pos + 3) : major == 4 ? syncsafe(b, pos + 4) : int32(b, pos + 4);
            int body = pos + headerLength;
            if (size <= 0 || body + size > end) {
                break;
            }
            switch (id) {
                case "TIT2", "TT2" -> title = id3Text(b, body, size);
                case "TPE1", "TP1" -> artist = id3Text(b, body, size);
                default -> { }
            }
            pos = body + size;
        }
        return new TrackTags(title, artist);
    }

    /** A text frame: an encoding byte, then the text, possibly several values separated by NUL. */
    private static String id3Text(byte[] b, int off, int size) {
        Charset charset = switch (b[off]) {
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> StandardCharsets.ISO_8859_1;
        };
        String text = new String(b, off + 1, size - 1, charset);
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }

    private static TrackTags flac(byte[] b, int start) {
        int pos = start + 4;
        while (pos + 4 <= b.length) {
            int header = b[pos] & 0xff;
            int length = int24(b, pos + 1);
            if ((header & 0x7f) == 4) {
                return vorbisComments(b, pos + 4, Math.min(b.length, pos + 4 + length));
            }
            if ((header & 0x80) != 0) {
                break;
            }
            pos += 4 + length;
        }
        return TrackTags.NONE;
    }

    /** The second packet of the first logical stream, reassembled across pages, is the comment header. */
    private static TrackTags ogg(byte[] b) {
        byte[] packet = new byte[0];
        int packets = 0;
        int pos = 0;
        while (pos + 27 <= b.length && starts(b, pos, "OggS")) {
            int segments = b[pos + 26] & 0xff;
            int data = pos + 27 + segments;
            for (int s = 0; s < segments && data <= b.length; s++) {
                int lace = b[pos + 27 + s] & 0xff;
                int take = Math.min(lace, b.length - data);
                if (packets == 1) {
                    packet = Arrays.copyOf(packet, packet.length + take);
                    System.arraycopy(b, data, packet, packet.length - take, take);
                }
                data += lace;
                if (lace < 255) {
                    packets++;
                    if (packets == 2) {
                        return starts(packet, 0, "\u0003vorbis") ? vorbisComments(packet, 7, packet.length)
                                : TrackTags.NONE;
                    }
                }
            }
            pos = data;
        }
        return TrackTags.NONE;
    }

    /** A Vorbis comment list: vendor string, then count × "NAME=value", lengths little-endian. */
    private static TrackTags vorbisComments(byte[] b, int start, int end) {
        ByteBuffer in = ByteBuffer.wrap(b, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
        int vendor = in.getInt();
        in.position(in.position() + vendor);
        long count = Integer.toUnsignedLong(in.getInt());
        String title = null;
        String artist = null;
        for (long i = 0; i < count && in.remaining() >= 4; i++) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                break;
            }
            String comment = new String(b, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            int eq = comment.indexOf('=');
            if (eq > 0) {
                String name = comment.substring(0, eq).toUpperCase(Locale.ROOT);
                String value = comment.substring(eq + 1);
                if (name.equals("TITLE") && title == null) {
                    title = value;
                } else if (name.equals("ARTIST") && artist == null) {
                    artist = value;
                }
            }
        }
        return new TrackTags(title, artist);
    }

    /** RIFF chunks up to 'data': a LIST chunk of type INFO holds INAM (title) and IART (artist). */
    private static TrackTags riff(byte[] b) {
        int pos = 12;
        while (pos + 8 <= b.length && !starts(b, pos, "data")) {
            int size = int32le(b, pos + 4);
            if (starts(b, pos, "LIST") && starts(b, pos + 8, "INFO")) {
                return riffInfo(b, pos + 12, Math.min(b.length, pos + 8 + size));
            }
            pos += 8 + size + (size & 1);
        }
        return TrackTags.NONE;
    }

    private static TrackTags riffInfo(byte[] b, int start, int end) {
        String title = null;
        String artist = null;
        int pos = start;
        while (pos + 8 <= end) {
            int size = int32le(b, pos + 4);
            int length = Math.min(size, end - pos - 8);
            String value = new String(b, pos + 8, length, StandardCharsets.UTF_8).replace("\0", "");
            if (starts(b, pos, "INAM")) {
                title = value;
            } else if (starts(b, pos, "IART")) {
                artist = value;
            }
            pos += 8 + size + (size & 1);
        }
        return new TrackTags(title, artist);
    }

    private static boolean starts(byte[] b, int off, String ascii) {
        if (off < 0 || off + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[off + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int syncsafe(byte[] b, int off) {
        return (b[off] & 0x7f) << 21 | (b[off + 1] & 0x7f) << 14 | (b[off + 2] & 0x7f) << 7 | (b[off + 3] & 0x7f);
    }

    private static int int32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    private static int int24(byte[] b, int off) {
        return (b[off] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff);
    }

    private static int int32le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
