package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class VorbisCodebookCheckTest {

    @Test
    void latticeValuesAreTheLargestIntegerRoot() {
        assertEquals(3, VorbisCodebookCheck.latticeValues(81, 4));
        assertEquals(2, VorbisCodebookCheck.latticeValues(80, 4));
        assertEquals(1, VorbisCodebookCheck.latticeValues(1, 1));
        assertEquals(256, VorbisCodebookCheck.latticeValues(256, 1));
    }

    @Test
    void latticesThatOverflowJorbisArithmeticAreRefused() {
        assertEquals(-1, VorbisCodebookCheck.latticeValues(1, 40));
        assertEquals(-1, VorbisCodebookCheck.latticeValues(4095, 31));
    }

    @Test
    void wellFormedBookPasses() {
        assertDoesNotThrow(() -> check(new Packet().book(2, 4).unorderedLengths(4, 3).mapType(0)));
    }

    @Test
    void zeroDimensionIsRefusedBeforeJorbisLoopsOnIt() {
        assertRefused(new Packet().book(0, 16).unorderedLengths(16, 2).mapType(1), "dimension 0");
    }

    @Test
    void valuesBeyondThePacketAreRefused() {
        // 1000 entries of dimension 8 listed explicitly need 8000 values; the packet has none.
        assertRefused(new Packet().book(8, 1000).orderedLengths(1000).mapType(2), "ends in the middle");
        assertRefused(new Packet().book(2, 4000).unorderedLengths(10, 3), "ends in the middle");
    }

    @Test
    void booksBeyondTheEntryBudgetAreRefused() {
        assertRefused(new Packet().book(1, (1 << 22) - 1).orderedLengths((1 << 22) - 1).mapType(0), "4194303 entries");
    }

    private static void assertRefused(Packet packet, String why) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> check(packet));
        assertEquals(Reason.CORRUPT_DATA, e.reason());
        assertEquals(SourceFormat.OGG_VORBIS, e.format());
        DecodeAssertions.assertMessageContains(e, why);
    }

    private static void check(Packet packet) throws AudioDecodeException {
        byte[] bytes = packet.bytes();
        VorbisCodebookCheck.check(bytes, 0, bytes.length);
    }

    /** A setup header holding one codebook, written bit by bit (least significant bit first). */
    private static final class Packet {

        private final BitSet bits = new BitSet();
        private int length;

        Packet() {
            for (byte b : new byte[] {5, 'v', 'o', 'r', 'b', 'i', 's'}) {
                write(b & 0xFF, 8);
            }
            write(0, 8);
        }

        Packet book(int dim, int entries) {
            write(0x564342, 24);
            write(dim, 16);
            write(entries, 24);
            return this;
        }

        Packet unorderedLengths(int entries, int length) {
            write(0, 1);
            write(0, 1);
            for (int i = 0; i < entries; i++) {
                write(length - 1, 5);
            }
            return this;
        }

        /** All entries share codeword length 1; valid only as a size claim. */
        Packet orderedLengths(int entries) {
            write(1, 1);
            write(0, 5);
            write(entries, 32 - Integer.numberOfLeadingZeros(entries));
            return this;
        }

        Packet mapType(int type) {
            write(type, 4);
            if (type != 0) {
                write(0, 32);
                write(0, 32);
                write(3, 4);
                write(0, 1);
            }
            return this;
        }

        void write(long value, int count) {
            for (int i = 0; i < count; i++, length++) {
                bits.set(length, (value >> i & 1) == 1);
            }
        }

        byte[] bytes() {
            byte[] out = new byte[(length + 7) / 8];
            byte[] set = bits.toByteArray();
            System.arraycopy(set, 0, out, 0, Math.min(set.length, out.length));
            return out;
        }
    }
}
