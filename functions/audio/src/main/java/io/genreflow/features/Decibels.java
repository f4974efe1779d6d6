package io.genreflow.features;

/**
 * librosa's {@code power_to_db(S, ref=1.0, amin=1e-10, top_db)}: {@code 10 log10(max(amin, S))},
 * then every value is raised to at least the matrix maximum minus {@code topDb}. The floor is
 * relative to the maximum of the whole matrix passed in (the whole snippet), never per frame.
 *
 * <p>Applied to a power spectrogram {@code |X|^2} this equals
 * {@code amplitude_to_db(|X|, amin=1e-5, top_db)}: {@code 10 log10 |X|^2 = 20 log10 |X|} and the
 * power floor 1e-10 is the amplitude floor 1e-5 squared.
 *
 * <p>Logarithms come from a table-interpolated approximation, several times faster than
 * {@link Math#log10} and within 2e-5 dB of it (float rounding included), far inside the 1e-3 dB
 * budget of the librosa parity tests.
 */
public final class Decibels {

    /** Smallest power converted; anything below reads as -100 dB. */
    public static final float AMIN = 1e-10f;

    /** Mantissa bits that select an interpolation interval: 1024 intervals, error below 1e-6 dB. */
    private static final int INTERVAL_BITS = 10;
    private static final int INTERVALS = 1 << INTERVAL_BITS;
    /** {@code 10 log10(2^(e - 127))} for every biased float exponent e. */
    private static final float[] DB_OF_EXPONENT = new float[256];
    /** {@code 10 log10(m) ~ OFFSET[i] + SLOPE[i] * m} for m in interval i of [1, 2). */
    private static final float[] OFFSET = new float[INTERVALS];
    private static final float[] SLOPE = new float[INTERVALS];

    static {
        for (int e = 0; e < DB_OF_EXPONENT.length; e++) {
            DB_OF_EXPONENT[e] = (float) ((e - 127) * 10.0 * Math.log10(2.0));
        }
        for (int i = 0; i < INTERVALS; i++) {
            double m0 = 1.0 + (double) i / INTERVALS;
            double m1 = 1.0 + (double) (i + 1) / INTERVALS;
            double slope = 10.0 * (Math.log10(m1) - Math.log10(m0)) / (m1 - m0);
            SLOPE[i] = (float) slope;
            OFFSET[i] = (float) (10.0 * Math.log10(m0) - slope * m0);
        }
    }

    private Decibels() {
    }

    /** {@code 10 log10(max(AMIN, power))}, without any top_db floor. */
    public static float fromPower(float power) {
        return tenLog10(power < AMIN ? AMIN : power);
    }

    /**
     * Converts a power matrix to dB with the global top_db floor; {@code out} may be {@code power}
     * itself. Rows may differ in length.
     */
    public static void powerToDb(float[][] power, float[][] out, double topDb) {
        float max = 0f;
        for (float[] row : power) {
            for (float v : row) {
                // a plain comparison, not Math.max: no NaN/-0 handling needed here, and it is faster
                if (v > max) {
                    max = v;
                }
            }
        }
        // log10 is monotonic, so flooring the power at 10^(floorDb/10) before the logarithm is the
        // same as flooring the decibels afterwards, and it saves a pass.
        double floorDb = fromPower(max) - topDb;
        float floor = (float) Math.max(AMIN, Math.pow(10.0, floorDb / 10.0));
        for (int r = 0; r < power.length; r++) {
            float[] in = power[r];
            float[] db = out[r];
            for (int c = 0; c < in.length; c++) {
                float v = in[c];
                db[c] = tenLog10(v < floor ? floor : v);
            }
        }
    }

    /**
     * {@code 10 log10(x)} for a positive normal float: the exponent field gives whole octaves from a
     * table, and the mantissa m in [1, 2) is interpolated linearly inside one of 1024 intervals.
     */
    static float tenLog10(float x) {
        int bits = Float.floatToRawIntBits(x);
        float mantissa = Float.intBitsToFloat((bits & 0x7FFFFF) | 0x3F800000);
        int interval = (bits >>> (23 - INTERVAL_BITS)) & (INTERVALS - 1);
        return DB_OF_EXPONENT[(bits >>> 23) & 0xFF] + OFFSET[interval] + SLOPE[interval] * mantissa;
    }
}
