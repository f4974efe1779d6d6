package io.genreflow.training.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The header of a NumPy {@code .npy} file: element type ({@code descr}, e.g. {@code '<f2'}), memory
 * order and shape, as the format's specification (numpy.lib.format, versions 1.0 to 3.0) lays them
 * out: magic {@code \x93NUMPY}, version, header length, then a Python dict literal padded with
 * spaces and ended by a newline so that the data starts on a 64-byte boundary.
 *
 * @param descr        the element type in NumPy's array-protocol notation
 * @param fortranOrder whether the data is stored column-major
 * @param shape        the array's dimensions
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    /**
     * Bytes {@link #encode} always takes, header included: room for any shape of up to three
     * dimensions, so a writer can patch the row count in place once it knows it.
     */
    public static final int ENCODED_LENGTH = 128;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public NpyHeader {
        shape = shape.clone();
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("array dimensions must not be negative, got " + Arrays.toString(shape));
            }
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Elements in the whole array. */
    public long elementCount() {
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /** The version 1.0 encoding, exactly {@link #ENCODED_LENGTH} bytes. */
    public byte[] encode() {
        String dimensions = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': (" + dimensions + (shape.length == 1 ? ",)" : ")") + ", }";
        int prefix = MAGIC.length + 2 + 2;
        if (prefix + dict.length() + 1 > ENCODED_LENGTH) {
            throw new IllegalArgumentException("header for shape " + Arrays.toString(shape) + " does not fit in "
                    + ENCODED_LENGTH + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocate(ENCODED_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) (ENCODED_LENGTH - prefix));
        bytes.put(dict.getBytes(StandardCharsets.US_ASCII));
        while (bytes.position() < ENCODED_LENGTH - 1) {
            bytes.put((byte) ' ');
        }
        bytes.put((byte) '\n');
        return bytes.array();
    }

    /**
     * Reads the header at the start of {@code file}.
     *
     * @return the header and, in {@link Parsed#dataOffset()}, where the array data starts
     * @throws IOException when the file is not a {@code .npy} file the message explains
     */
    public static Parsed read(FileChannel file, String name) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, prefix, 0, name);
        byte[] magic = new byte[MAGIC.length];
        prefix.flip().get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(name + " is not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = prefix.get() & 0xFF;
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IOException(name + " is .npy format version " + major + "; versions 1 to 3 are read");
        };
        ByteBuffer length = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, length, prefix.capacity(), name);
        length.flip();
        long headerLength = lengthBytes == 2 ? length.getShort() & 0xFFFF : length.getInt() & 0xFFFFFFFFL;
        if (headerLength > 1 << 20) {
            throw new IOException(name + " announces a " + headerLength + "-byte header; the file is damaged");
        }
        long headerStart = prefix.capacity() + lengthBytes;
        ByteBuffer header = ByteBuffer.allocate((int) headerLength);
        readFully(file, header, headerStart, name);
        String text = new String(header.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new Parsed(parse(text, name), headerStart + headerLength);
    }

    /** A header read from a file and the offset of the first data byte. */
    public record Parsed(NpyHeader header, long dataOffset) {
    }

    private static NpyHeader parse(String dict, String name) throws IOException {
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IOException(name + " has a header without descr, fortran_order and shape: " + dict.strip());
        }
        long[] dimensions;
        try {
            dimensions = Arrays.stream(shape.group(1).split(","))
                    .map(String::strip)
                    .filter(part -> !part.isEmpty())
                    .mapToLong(Long::parseLong)
                    .toArray();
            return new NpyHeader(descr.group(1), fortran.group(1).equals("True"), dimensions);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + " has an unreadable shape (" + shape.group(1) + ")", e);
        }
    }

    private static void readFully(FileChannel file, ByteBuffer buffer, long position, String name) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = file.read(buffer, at);
            if (read < 0) {
                throw new IOException(name + " ends inside its .npy header");
            }
            at += read;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyHeader that && descr.equals(that.descr) && fortranOrder == that.fortranOrder
                && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return (descr.hashCode() * 31 + Boolean.hashCode(fortranOrder)) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyHeader[descr=" + descr + ", fortranOrder=" + fortranOrder + ", shape=" + Arrays.toString(shape) + "]";
    }
}
