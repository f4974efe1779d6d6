package io.genreflow.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * How one uncompressed sample is stored, and its conversion to float. Integers map to [-1, 1) by
 * dividing by 2^(bits-1), the convention of libsndfile and librosa, so 16-bit PCM converts exactly.
 */
enum PcmEncoding {
    U8(1), S8(1), S16_LE(2), S16_BE(2), S24_LE(3), S24_BE(3), S32_LE(4), S32_BE(4),
    F32_LE(4), F32_BE(4), F64_LE(8), F64_BE(8), MU_LAW(1), A_LAW(1);

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final float[] MU_LAW_TABLE = g711Table(true);
    private static final float[] A_LAW_TABLE = g711Table(false);

    private final int bytesPerSample;

    PcmEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    int bytesPerSample() {
        return bytesPerSample;
    }

    /** Signed big- or little-endian integer encoding with the given container size in bytes, or null. */
    static PcmEncoding signedInteger(int bytes, boolean bigEndian) {
        return switch (bytes) {
            case 1 -> S8;
            case 2 -> bigEndian ? S16_BE : S16_LE;
            case 3 -> bigEndian ? S24_BE : S24_LE;
            case 4 -> bigEndian ? S32_BE : S32_LE;
            default -> null;
        };
    }

    /** IEEE float encoding with the given container size in bytes, or null. */
    static PcmEncoding ieeeFloat(int bytes, boolean bigEndian) {
        return switch (bytes) {
            case 4 -> bigEndian ? F32_BE : F32_LE;
            case 8 -> bigEndian ? F64_BE : F64_LE;
            default -> null;
        };
    }

    /** Converts {@code count} samples starting at byte {@code from} of {@code src} into {@code dst[0..count)}. */
    void toFloat(byte[] src, int from, float[] dst, int count) {
        switch (this) {
            case U8 -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = ((src[from + i] & 0xFF) - 128) * 0x1p-7f;
                }
            }
            case S8 -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = src[from + i] * 0x1p-7f;
                }
            }
            case S16_LE -> {
                for (int i = 0, p = from; i < count; i++, p += 2) {
                    dst[i] = (short) ((src[p] & 0xFF) | src[p + 1] << 8) * 0x1p-15f;
                }
            }
            case S16_BE -> {
                for (int i = 0, p = from; i < count; i++, p += 2) {
                    dst[i] = (short) (src[p] << 8 | (src[p + 1] & 0xFF)) * 0x1p-15f;
                }
            }
            case S24_LE -> {
                for (int i = 0, p = from; i < count; i++, p += 3) {
                    dst[i] = ((src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | src[p + 2] << 16) * 0x1p-23f;
                }
            }
            case S24_BE -> {
                for (int i = 0, p = from; i < count; i++, p += 3) {
                    dst[i] = (src[p] << 16 | (src[p + 1] & 0xFF) << 8 | (src[p + 2] & 0xFF)) * 0x1p-23f;
                }
            }
            case S32_LE -> {
                for (int i = 0, p = from; i < count; i++, p += 4) {
                    dst[i] = (int) INT_LE.get(src, p) * 0x1p-31f;
                }
            }
            case S32_BE -> {
                for (int i = 0, p = from; i < count; i++, p += 4) {
                    dst[i] = (int) INT_BE.get(src, p) * 0x1p-31f;
                }
            }
            case F32_LE -> {
                for (int i = 0, p = from; i < count; i++, p += 4) {
                    dst[i] = Float.intBitsToFloat((int) INT_LE.get(src, p));
                }
            }
            case F32_BE -> {
                for (int i = 0, p = from; i < count; i++, p += 4) {
                    dst[i] = Float.intBitsToFloat((int) INT_BE.get(src, p));
                }
            }
            case F64_LE -> {
                for (int i = 0, p = from; i < count; i++, p += 8) {
                    dst[i] = (float) Double.longBitsToDouble((long) LONG_LE.get(src, p));
                }
            }
            case F64_BE -> {
                for (int i = 0, p = from; i < count; i++, p += 8) {
                    dst[i] = (float) Double.longBitsToDouble((long) LONG_BE.get(src, p));
                }
            }
            case MU_LAW -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = MU_LAW_TABLE[src[from + i] & 0xFF];
                }
            }
            case A_LAW -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = A_LAW_TABLE[src[from + i] & 0xFF];
                }
            }
        }
    }

    /**
     * Expands the 256 ITU-T G.711 code words to floats on the 16-bit scale (the law's own
     * definition: a 3-bit segment and a 4-bit step within it, stored with inverted bits).
     */
    private static float[] g711Table(boolean muLaw) {
        float[] table = new float[256];
        for (int code = 0; code < 256; code++) {
            int value;
            if (muLaw) {
                int u = ~code & 0xFF;
                int magnitude = (((u & 0x0F) << 3) + 0x84 << ((u >> 4) & 0x07)) - 0x84;
                value = (u & 0x80) != 0 ? -magnitude : magnitude;
            } else {
                int a = code ^ 0x55;
                int segment = (a >> 4) & 0x07;
                int step = a & 0x0F;
                int magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1);
                value = (a & 0x80) != 0 ? magnitude : -magnitude;
            }
            table[code] = value * 0x1p-15f;
        }
        return table;
    }
}
