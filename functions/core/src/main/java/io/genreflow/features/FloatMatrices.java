package io.genreflow.features;

/** Layout changes between frame-major and feature-major matrices. */
final class FloatMatrices {

    /** Tile of 8 rows by 64 columns: the rows read and the columns written both stay in L1. */
    private static final int TILE_ROWS = 8;
    private static final int TILE_COLUMNS = 64;

    private FloatMatrices() {
    }

    /** {@code out[c][r] = in[r][c]}; {@code out} must be {@code [in[0].length][in.length]}. */
    static void transpose(float[][] in, float[][] out) {
        int rows = in.length;
        int columns = out.length;
        for (int r0 = 0; r0 < rows; r0 += TILE_ROWS) {
            int r1 = Math.min(rows, r0 + TILE_ROWS);
            for (int c0 = 0; c0 < columns; c0 += TILE_COLUMNS) {
                int c1 = Math.min(columns, c0 + TILE_COLUMNS);
                for (int r = r0; r < r1; r++) {
                    float[] row = in[r];
                    for (int c = c0; c < c1; c++) {
                        out[c][r] = row[c];
                    }
                }
            }
        }
    }

    /** {@code matrix} if it is already {@code [rows][columns]}, otherwise a new one of that shape. */
    static float[][] reuseOrAllocate(float[][] matrix, int rows, int columns) {
        return matrix.length == rows && (rows == 0 || matrix[0].length == columns) ? matrix : new float[rows][columns];
    }
}
