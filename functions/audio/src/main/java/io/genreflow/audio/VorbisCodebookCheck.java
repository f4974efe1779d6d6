package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;

/**
 * Checks the codebooks of a Vorbis setup header before jorbis unpacks them. jorbis allocates
 * whatever sizes the header claims, and for some impossible values (a zero dimension, lattices whose
 * size overflows an int) it loops forever. The rules: libvorbis's own sanity limits (dimension and
 * entry count above 0, ilog(dim) + ilog(entries) at most 24), every value the book announces must
 * fit in the packet's remaining bits, lattice sizes must stay within int range, and all books
 * together may hold at most {@value #MAX_TOTAL_ENTRIES} entries (real encoders use a few thousand).
 */
final class VorbisCodebookCheck {

    static final int MAX_TOTAL_ENTRIES = 1 << 21;
    private static final int HEADER_BYTES = 7;
    private static final int SYNC = 0x564342;

    private VorbisCodebookCheck() {
    }

    /** Checks the setup header packet {@code b[off..off+length)}. */
    static void check(byte[] b, int off, int length) throws AudioDecodeException {
        Bits in = new Bits(b, off + HEADER_BYTES, off + length);
        int books = (int) in.read(8) + 1;
        long totalEntries = 0;
        for (int book = 0; book < books; book++) {
            if (in.read(24) != SYNC) {
                throw invalid(book, "its sync pattern is missing");
            }
            int dim = (int) in.read(16);
            int entries = (int) in.read(24);
            totalEntries += entries;
            if (dim == 0 || entries == 0 || ilog(dim) + ilog(entries) > 24 || totalEntries > MAX_TOTAL_ENTRIES) {
                throw invalid(book, "it declares " + entries + " entries of dimension " + dim);
            }
            if (in.read(1) == 0) {
                boolean sparse = in.read(1) == 1;
                for (int e = 0; e < entries; e++) {
                    if (!sparse || in.read(1) == 1) {
                        in.skip(5);
                    }
                }
            } else {
                long codewordLength = in.read(5) + 1;
                for (int e = 0; e < entries; codewordLength++) {
                    long run = in.read(ilog(entries - e));
                    if (run > entries - e || codewordLength > 32) {
                        throw invalid(book, "its codeword lengths are inconsistent");
                    }
                    e += (int) run;
                }
            }
            int mapType = (int) in.read(4);
            if (mapType == 1 || mapType == 2) {
                in.skip(64);
                int quantBits = (int) in.read(4) + 1;
                in.skip(1);
                long values = mapType == 1 ? latticeValues(entries, dim) : (long) entries * dim;
                if (values < 0) {
                    throw invalid(book, "its value lattice is too large");
                }
                in.skip(values * quantBits);
            } else if (mapType != 0) {
                throw invalid(book, "it has the unknown map type " + mapType);
            }
        }
    }

    /**
     * Values per dimension of a map-type-1 book: the largest v with v^dim at most entries (Vorbis I
     * spec, lookup1_values), or -1 when (v+1)^dim leaves int range, where jorbis' search overflows.
     */
    static long latticeValues(int entries, int dim) {
        long v = Math.max(1, (long) Math.floor(Math.pow(entries, 1.0 / dim)));
        while (v > 1 && power(v, dim) > entries) {
            v--;
        }
        while (power(v + 1, dim) <= entries) {
            v++;
        }
        return power(v + 1, dim) > Integer.MAX_VALUE ? -1 : v;
    }

    /** base^exponent, or Long.MAX_VALUE once it exceeds int range. */
    private static long power(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent && result <= Integer.MAX_VALUE; i++) {
            result *= base;
        }
        return result > Integer.MAX_VALUE ? Long.MAX_VALUE : result;
    }

    /** Bits needed to write {@code v} (Vorbis I spec, ilog). */
    private static int ilog(int v) {
        return 32 - Integer.numberOfLeadingZeros(v);
    }

    private static AudioDecodeException invalid(int book, String why) {
        return new AudioDecodeException(Reason.CORRUPT_DATA, SourceFormat.OGG_VORBIS,
                "codebook " + book + " of the setup header is invalid: " + why + "; the file is damaged");
    }

    /** Reads a Vorbis packet's bits, least significant bit of each byte first. */
    private static final class Bits {

        private final byte[] b;
        private final long end;
        private long position;

        Bits(byte[] b, int from, int to) {
            this.b = b;
            this.position = (long) from * 8;
            this.end = (long) to * 8;
        }

        long read(int count) throws AudioDecodeException {
            ensure(count);
            long value = 0;
            for (int i = 0; i < count; i++, position++) {
                value |= (long) (b[(int) (position >>> 3)] >> (position & 7) & 1) << i;
            }
            return value;
        }

        void skip(long count) throws AudioDecodeException {
            ensure(count);
            position += count;
        }

        private void ensure(long count) throws AudioDecodeException {
            if (count > end - position) {
                throw new AudioDecodeException(Reason.CORRUPT_DATA, SourceFormat.OGG_VORBIS,
                        "the setup header ends in the middle of its codebooks; the file is damaged");
            }
        }
    }
}
