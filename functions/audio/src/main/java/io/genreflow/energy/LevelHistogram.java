package io.genreflow.energy;

/**
 * Frame levels of a whole track in fixed memory: a histogram of frame mean-square levels in
 * 0.1 dB bins from {@value #FLOOR_DB} to {@value #CEILING_DB} dBFS, each bin also holding the sum of
 * its frames' mean squares. Gated means and percentiles are then exact up to the bin width,
 * however long the track.
 */
final class LevelHistogram {

    /** Lowest level kept; quieter frames (digital silence included) land in the first bin. */
    static final double FLOOR_DB = -120.0;
    /** Highest level kept; clipping floats above +20 dBFS land in the last bin. */
    static final double CEILING_DB = 20.0;
    static final double BIN_DB = 0.1;
    private static final int BINS = (int) Math.round((CEILING_DB - FLOOR_DB) / BIN_DB);

    private final long[] counts = new long[BINS];
    private final double[] meanSquareSums = new double[BINS];
    private long frames;
    private double meanSquareTotal;

    /** Records one frame by its mean square (0 dBFS = mean square 1, a full-scale square wave). */
    void add(double meanSquare) {
        int bin = binOf(toDb(meanSquare));
        counts[bin]++;
        meanSquareSums[bin] += meanSquare;
        frames++;
        meanSquareTotal += meanSquare;
    }

    long frames() {
        return frames;
    }

    /** {@code 10 log10} of the mean of every frame's mean square, not below {@link #FLOOR_DB}. */
    double ungatedMeanDb() {
        return frames == 0 ? FLOOR_DB : Math.max(FLOOR_DB, toDb(meanSquareTotal / frames));
    }

    /** Frames whose bin lies at or above {@code gateDb}. */
    long framesAbove(double gateDb) {
        long count = 0;
        for (int bin = firstBinAtOrAbove(gateDb); bin < BINS; bin++) {
            count += counts[bin];
        }
        return count;
    }

    /** {@code 10 log10} of the mean of the mean squares of frames at or above {@code gateDb}; NaN if none. */
    double meanDbAbove(double gateDb) {
        long count = 0;
        double sum = 0;
        for (int bin = firstBinAtOrAbove(gateDb); bin < BINS; bin++) {
            count += counts[bin];
            sum += meanSquareSums[bin];
        }
        return count == 0 ? Double.NaN : toDb(sum / count);
    }

    /**
     * The level below which a fraction {@code q} of the frames at or above {@code gateDb} lie, as
     * the centre of the bin where that fraction is reached; NaN if no frame passes the gate.
     */
    double percentileDbAbove(double q, double gateDb) {
        int first = firstBinAtOrAbove(gateDb);
        long total = framesAbove(gateDb);
        if (total == 0) {
            return Double.NaN;
        }
        double target = q * total;
        long cumulative = 0;
        for (int bin = first; bin < BINS; bin++) {
            cumulative += counts[bin];
            if (cumulative >= target && counts[bin] > 0) {
                return FLOOR_DB + (bin + 0.5) * BIN_DB;
            }
        }
        return FLOOR_DB + (BINS - 0.5) * BIN_DB;
    }

    private static double toDb(double meanSquare) {
        return 10.0 * Math.log10(meanSquare);
    }

    private static int binOf(double db) {
        if (!(db >= FLOOR_DB)) {
            return 0;
        }
        return (int) Math.min(BINS - 1, Math.floor((db - FLOOR_DB) / BIN_DB));
    }

    private static int firstBinAtOrAbove(double gateDb) {
        if (!(gateDb > FLOOR_DB)) {
            return 0;
        }
        return (int) Math.min(BINS, Math.ceil((gateDb - FLOOR_DB) / BIN_DB - 1e-9));
    }
}
