package io.genreflow.features;

import java.util.Arrays;

/**
 * An immutable filter bank stored as runs of consecutive non-zero weights per output row, so a
 * projection costs one multiply-add per kept weight instead of one per matrix cell.
 */
final class SparseRowMatrix {

    private final int columns;
    /** Runs of row r are {@code rowRuns[r] .. rowRuns[r + 1] - 1}. */
    private final int[] rowRuns;
    /** First column of each run. */
    private final int[] runColumn;
    /** Weights of run j are {@code weights[runWeights[j] .. runWeights[j + 1] - 1]}. */
    private final int[] runWeights;
    private final float[] weights;

    private SparseRowMatrix(int columns, int[] rowRuns, int[] runColumn, int[] runWeights, float[] weights) {
        this.columns = columns;
        this.rowRuns = rowRuns;
        this.runColumn = runColumn;
        this.runWeights = runWeights;
        this.weights = weights;
    }

    /**
     * Keeps the weights of {@code dense[row][column]} greater than {@code columnThreshold} times
     * the largest weight of their column. With threshold 0 exactly the positive weights are kept.
     */
    static SparseRowMatrix keepingLargerThan(double[][] dense, double columnThreshold) {
        int rows = dense.length;
        int columns = dense[0].length;
        double[] columnMax = new double[columns];
        for (double[] row : dense) {
            for (int c = 0; c < columns; c++) {
                columnMax[c] = Math.max(columnMax[c], row[c]);
            }
        }
        int[] rowRuns = new int[rows + 1];
        int[] runColumn = new int[columns * rows / 2 + rows];
        int[] runWeights = new int[runColumn.length + 1];
        float[] weights = new float[rows * columns];
        int runs = 0;
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            rowRuns[r] = runs;
            boolean inRun = false;
            for (int c = 0; c < columns; c++) {
                double w = dense[r][c];
                boolean keep = w > 0 && w > columnThreshold * columnMax[c];
                if (keep && !inRun) {
                    runColumn[runs] = c;
                    runWeights[runs] = kept;
                    runs++;
                }
                if (keep) {
                    weights[kept++] = (float) w;
                }
                inRun = keep;
            }
        }
        rowRuns[rows] = runs;
        runWeights[runs] = kept;
        return new SparseRowMatrix(columns, rowRuns, Arrays.copyOf(runColumn, runs),
                Arrays.copyOf(runWeights, runs + 1), Arrays.copyOf(weights, kept));
    }

    int rows() {
        return rowRuns.length - 1;
    }

    int columns() {
        return columns;
    }

    /** Number of weights kept. */
    int nonZeros() {
        return weights.length;
    }

    /** True when row {@code r} kept no weight at all. */
    boolean isEmptyRow(int r) {
        return rowRuns[r] == rowRuns[r + 1];
    }

    /**
     * {@code out[r][t] = sum_c M[r][c] * byColumn[c][t]} for every frame t: the product with a
     * spectrogram stored bin-major. The innermost loop runs over frames with unit stride, which
     * the JIT turns into SIMD code; four columns are folded per pass to cut loads and stores of
     * {@code out}.
     */
    void multiplyFrames(float[][] byColumn, float[][] out) {
        int frames = byColumn[0].length;
        for (int r = 0; r < out.length; r++) {
            float[] y = out[r];
            Arrays.fill(y, 0, frames, 0f);
            for (int run = rowRuns[r]; run < rowRuns[r + 1]; run++) {
                int column = runColumn[run] - runWeights[run];
                int w = runWeights[run];
                int end = runWeights[run + 1];
                for (; w + 3 < end; w += 4) {
                    float w0 = weights[w];
                    float w1 = weights[w + 1];
                    float w2 = weights[w + 2];
                    float w3 = weights[w + 3];
                    float[] x0 = byColumn[column + w];
                    float[] x1 = byColumn[column + w + 1];
                    float[] x2 = byColumn[column + w + 2];
                    float[] x3 = byColumn[column + w + 3];
                    for (int t = 0; t < frames; t++) {
                        y[t] += w0 * x0[t] + w1 * x1[t] + w2 * x2[t] + w3 * x3[t];
                    }
                }
                for (; w < end; w++) {
                    float w0 = weights[w];
                    float[] x0 = byColumn[column + w];
                    for (int t = 0; t < frames; t++) {
                        y[t] += w0 * x0[t];
                    }
                }
            }
        }
    }

    /** {@code y = M x} for a vector x of {@link #columns()} entries. */
    void multiply(float[] x, float[] y) {
        for (int r = 0; r < y.length; r++) {
            float sum = 0f;
            for (int run = rowRuns[r]; run < rowRuns[r + 1]; run++) {
                int column = runColumn[run] - runWeights[run];
                for (int w = runWeights[run]; w < runWeights[run + 1]; w++) {
                    sum += weights[w] * x[column + w];
                }
            }
            y[r] = sum;
        }
    }
}
