package io.genreflow.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV, AU and AIFF files byte by byte, so each test states exactly what its header says. */
final class TestAudioFiles {

    static final int WAVE_PCM = 1;
    static final int WAVE_FLOAT = 3;

    private TestAudioFiles() {
    }

    /** A plain 16-byte 'fmt ' chunk body; the block size follows from channels and bits. */
    static byte[] fmt(int tag, int channels, int sampleRate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        return le(16).putShort((short) tag).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE 'fmt ' body whose sub-format GUID carries {@code subTag}. */
    static byte[] fmtExtensible(int subTag, int channels, int sampleRate, int containerBits, int validBits) {
        int blockAlign = channels * containerBits / 8;
        return le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) containerBits)
                .putShort((short) 22).putShort((short) validBits).putInt(0)
                .putShort((short) subTag)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71})
                .array();
    }

    /** One RIFF chunk (little-endian size), padded to an even length. */
    static byte[] chunk(String id, byte[] body) {
        return chunk(id, body, body.length, false);
    }

    /** One chunk with an explicit size field, which may disagree with the body. */
    static byte[] chunk(String id, byte[] body, long sizeField, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1))
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return b.put(ascii(id)).putInt((int) sizeField).put(body).array();
    }

    static byte[] wavFile(byte[]... chunks) {
        return riff("RIFF", chunks);
    }

    static byte[] riff(String magic, byte[]... chunks) {
        byte[] body = concat(chunks);
        return concat(ascii(magic), le(4).putInt(4 + body.length).array(), ascii("WAVE"), body);
    }

    /** A minimal WAV: 'fmt ' then 'data'. */
    static byte[] wav(int tag, int channels, int sampleRate, int bits, byte[] data) {
        return wavFile(chunk("fmt ", fmt(tag, channels, sampleRate, bits)), chunk("data", data));
    }

    static byte[] au(int encoding, int sampleRate, int channels, byte[] annotation, long dataSizeField, byte[] data) {
        return concat(be(24).put(ascii(".snd")).putInt(24 + annotation.length).putInt((int) dataSizeField)
                .putInt(encoding).putInt(sampleRate).putInt(channels).array(), annotation, data);
    }

    static byte[] aiffComm(int channels, long frames, int bits, double sampleRate, String compression) {
        ByteBuffer b = be(compression == null ? 18 : 24).putShort((short) channels).putInt((int) frames)
                .putShort((short) bits).put(extended80(sampleRate));
        if (compression != null) {
            b.put(ascii(compression)).put((byte) 0).put((byte) 0);
        }
        return b.array();
    }

    static byte[] aiffSsnd(byte[] data) {
        return concat(new byte[8], data);
    }

    /** FORM container; {@code aifc} selects the AIFC form type. */
    static byte[] form(boolean aifc, byte[]... chunks) {
        byte[] body = concat(chunks);
        return concat(ascii("FORM"), be(4).putInt(4 + body.length).array(), ascii(aifc ? "AIFC" : "AIFF"), body);
    }

    /** An IEEE 754 80-bit extended number (positive, normal). */
    static byte[] extended80(double value) {
        int exponent = Math.getExponent(value);
        // The mantissa fills all 64 bits (explicit integer bit on top), beyond a signed long.
        long mantissa = (long) Math.scalb(value, 62 - exponent) << 1;
        return be(10).putShort((short) (exponent + 16383)).putLong(mantissa).array();
    }

    /** Signed integers of {@code bits} (8 to 32) in the given byte order. */
    static byte[] ints(int bits, boolean bigEndian, long... values) {
        int width = bits / 8;
        byte[] out = new byte[values.length * width];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < width; k++) {
                int shift = bigEndian ? 8 * (width - 1 - k) : 8 * k;
                out[i * width + k] = (byte) (values[i] >> shift);
            }
        }
        return out;
    }

    static byte[] floats(boolean bigEndian, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(boolean bigEndian, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer be(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
    }
}
