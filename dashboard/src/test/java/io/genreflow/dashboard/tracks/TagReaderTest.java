package io.genreflow.dashboard.tracks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagReaderTest {

    @Test
    void readsId3v23TextFramesInLatin1AndUtf16() {
        byte[] tag = id3(3, frame3("TIT2", text(0, "Caf\u00e9 Song")), frame3("TPE1", utf16("Bj\u00f6rk \u266a")));
        assertEquals(new TrackTags("Caf\u00e9 Song", "Bj\u00f6rk \u266a"), TagReader.read(withAudio(tag)));
    }

    @Test
    void readsId3v24SyncsafeFramesInUtf8AndSkipsOtherFrames() {
        byte[] tag = id3(4, frame4("APIC", new byte[300]), frame4("TIT2", text(3, "<script>x</script>")),
                frame4("TPE1", text(3, "\" onerror=\"y")));
        assertEquals(new TrackTags("<script>x</script>", "\" onerror=\"y"), TagReader.read(withAudio(tag)));
    }

    @Test
    void readsFlacVorbisCommentsAfterOtherBlocks() {
        ByteArrayOutputStream flac = new ByteArrayOutputStream();
        flac.writeBytes("fLaC".getBytes(StandardCharsets.US_ASCII));
        flac.writeBytes(block(0, false, new byte[34]));
        flac.writeBytes(block(4, true, comments("title=Blue in Green", "ARTIST=Miles Davis")));
        assertEquals(new TrackTags("Blue in Green", "Miles Davis"), TagReader.read(flac.toByteArray()));
    }

    @Test
    void readsTheOggVorbisCommentPacketAcrossPages() {
        byte[] ident = new byte[30];
        ident[0] = 1;
        byte[] comment = concat(new byte[] {3}, "vorbis".getBytes(StandardCharsets.US_ASCII),
                comments("TITLE=" + "x".repeat(300), "ARTIST=Someone"));
        // Page 1: the identification packet; pages 2 and 3: the comment packet split at 255 bytes.
        byte[] pages = concat(oggPage(new int[] {30}, ident),
                oggPage(new int[] {255}, Arrays.copyOfRange(comment, 0, 255)),
                oggPage(new int[] {comment.length - 255}, Arrays.copyOfRange(comment, 255, comment.length)));
        TrackTags tags = TagReader.read(pages);
        assertEquals("x".repeat(TrackTags.MAX_LENGTH) + "…", tags.title());
        assertEquals("Someone", tags.artist());
    }

    @Test
    void readsRiffInfoBeforeTheSamples() {
        byte[] info = concat("INFO".getBytes(StandardCharsets.US_ASCII), riff("INAM", "Take Five\0"), riff("IART", "Brubeck\0"));
        byte[] wav = concat("RIFF".getBytes(StandardCharsets.US_ASCII), le(0), "WAVE".getBytes(StandardCharsets.US_ASCII),
                riffBytes("fmt ", new byte[16]), riffBytes("LIST", info), riffBytes("data", new byte[8]));
        assertEquals(new TrackTags("Take Five", "Brubeck"), TagReader.read(wav));
    }

    @Test
    void truncatedOrUntaggedFilesHaveNoTags() {
        byte[] tag = id3(3, frame3("TIT2", text(0, "A long title that is cut")));
        assertEquals(TrackTags.NONE, TagReader.read(Arrays.copyOf(tag, tag.length - 5)));
        assertEquals(TrackTags.NONE, TagReader.read("fLaC\u0084\u00ff\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(TrackTags.NONE, TagReader.read(new byte[0]));
        assertEquals(TrackTags.NONE, TagReader.read("just some text".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(new TrackTags(null, null), new TrackTags("  \u0000 ", "\t"));
    }

    private static byte[] withAudio(byte[] tag) {
        return concat(tag, new byte[] {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0});
    }

    private static byte[] id3(int major, byte[]... frames) {
        byte[] body = concat(frames);
        int n = body.length;
        byte[] header = {'I', 'D', '3', (byte) major, 0, 0, (byte) (n >> 21 & 0x7f), (byte) (n >> 14 & 0x7f),
                (byte) (n >> 7 & 0x7f), (byte) (n & 0x7f)};
        return concat(header, body);
    }

    private static byte[] frame3(String id, byte[] body) {
        return concat(id.getBytes(StandardCharsets.US_ASCII), ByteBuffer.allocate(4).putInt(body.length).array(),
                new byte[2], body);
    }

    private static byte[] frame4(String id, byte[] body) {
        int n = body.length;
        return concat(id.getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) (n >> 21 & 0x7f),
                (byte) (n >> 14 & 0x7f), (byte) (n >> 7 & 0x7f), (byte) (n & 0x7f)}, new byte[2], body);
    }

    private static byte[] text(int encoding, String value) {
        return concat(new byte[] {(byte) encoding}, value.getBytes(encoding == 3 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1));
    }

    private static byte[] utf16(String value) {
        return concat(new byte[] {1}, value.getBytes(StandardCharsets.UTF_16), new byte[2]);
    }

    private static byte[] comments(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] vendor = "test".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le(vendor.length));
        out.writeBytes(vendor);
        out.writeBytes(le(entries.length));
        for (String entry : entries) {
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(le(bytes.length));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] block(int type, boolean last, byte[] body) {
        return concat(new byte[] {(byte) (type | (last ? 0x80 : 0)), (byte) (body.length >> 16),
                (byte) (body.length >> 8), (byte) body.length}, body);
    }

    private static byte[] oggPage(int[] laces, byte[] data) {
        byte[] header = new byte[27 + laces.length];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 4);
        header[26] = (byte) laces.length;
        for (int i = 0; i < laces.length; i++) {
            header[27 + i] = (byte) laces[i];
        }
        return concat(header, data);
    }

    private static byte[] riff(String id, String text) {
        return riffBytes(id, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] riffBytes(String id, byte[] body) {
        byte[] padded = Arrays.copyOf(body, body.length + (body.length & 1));
        return concat(id.getBytes(StandardCharsets.US_ASCII), le(body.length), padded);
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
