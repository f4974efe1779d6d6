package io.genreflow.audio;

import static io.genreflow.audio.TestAudioFiles.ascii;
import static io.genreflow.audio.TestAudioFiles.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrailingTagFilterTest {

    private static final byte[] AUDIO = random(200_000);

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(3).nextBytes(b);
        return b;
    }

    private static byte[] id3v1() {
        return concat(ascii("TAG"), new byte[125]);
    }

    /** An APEv2 tag of {@code itemBytes} item bytes, with header and footer. */
    private static byte[] ape(int itemBytes) {
        byte[] header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).put(ascii("APETAGEX")).putInt(2000)
                .putInt(itemBytes + 32).putInt(0).putInt(0xA0000000).array();
        byte[] footer = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).put(ascii("APETAGEX")).putInt(2000)
                .putInt(itemBytes + 32).putInt(0).putInt(0x80000000).array();
        return concat(header, new byte[itemBytes], footer);
    }

    private static byte[] filtered(byte[] file) throws IOException {
        try (InputStream in = new TrailingTagFilter(new ByteArrayInputStream(file))) {
            byte[] out = new byte[file.length + 1];
            int n = 0;
            int r;
            // Odd read sizes exercise the hold-back window at every alignment.
            while ((r = in.read(out, n, Math.min(777, out.length - n))) > 0) {
                n += r;
            }
            return Arrays.copyOf(out, n);
        }
    }

    @Test
    void untaggedBytesPassUnchanged() throws IOException {
        assertArrayEquals(AUDIO, filtered(AUDIO));
        assertArrayEquals(new byte[] {1, 2, 3}, filtered(new byte[] {1, 2, 3}));
    }

    @Test
    void id3v1AndApeTagsAreRemoved() throws IOException {
        assertArrayEquals(AUDIO, filtered(concat(AUDIO, id3v1())));
        assertArrayEquals(AUDIO, filtered(concat(AUDIO, ape(500))));
        assertArrayEquals(AUDIO, filtered(concat(AUDIO, ape(500), id3v1())));
    }

    @Test
    void apeTagLongerThanTheWindowStays() throws IOException {
        byte[] big = ape(TrailingTagFilter.WINDOW + 10);

        assertArrayEquals(concat(AUDIO, big), filtered(concat(AUDIO, big, id3v1())));
    }
}
