package io.genreflow.features;

/** Layout changes between frame-major and feature-major matrices. */
final class FloatMatrices {

    /** Rows read together: each output row then receives 8 consecutive floats per visit (half a cache line). */
    private static final int ROW_BLOCK = 8;

    private FloatMatrices() {
    }

    /** {@code out[c][r] = in[r][c]}; {@code out} must be {@code [in[0].length][in.length]}. */
    static void transpose(float[][] in, float[][] out) {
        int rows = in.length;
        int columns = out.length;
        int r = 0;
        for (; r + ROW_BLOCK <= rows; r += ROW_BLOCK) {
            float[] in0 = in[r];
            float[] in1 = in[r + 1];
            float[] in2 = in[r + 2];
            float[] in3 = in[r + 3];
            float[] in4 = in[r + 4];
            float[] in5 = in[r + 5];
            float[] in6 = in[r + 6];
            float[] in7 = in[r + 7];
            for (int c = 0; c < columns; c++) {
                float[] o = out[c];
                o[r] = in0[c];
                o[r + 1] = in1[c];
                o[r + 2] = in2[c];
                o[r + 3] = in3[c];
                o[r + 4] = in4[c];
                o[r + 5] = in5[c];
                o[r + 6] = in6[c];
                o[r + 7] = in7[c];
            }
        }
        for (; r < rows; r++) {
            float[] row = in[r];
            for (int c = 0; c < columns; c++) {
                out[c][r] = row[c];
            }
        }
    }

    /** {@code matrix} if it is already {@code [rows][columns]}, otherwise a new one of that shape. */
    static float[][] reuseOrAllocate(float[][] matrix, int rows, int columns) {
        return matrix.length == rows && (rows == 0 || matrix[0].length == columns) ? matrix : new float[rows][columns];
    }
}
