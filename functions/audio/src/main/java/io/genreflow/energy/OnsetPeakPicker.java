package io.genreflow.energy;

/**
 * Counts onsets in an onset-strength envelope that arrives one frame at a time, with bounded
 * look-ahead. The rule is {@code librosa.util.peak_pick}'s: frame n is an onset when
 * <ol>
 *   <li>it is the largest value within {@code peakRadius} frames on either side,</li>
 *   <li>it exceeds the mean of the frames from {@code meanBefore} before to {@code meanAfter} after
 *       it by at least {@code delta}, and</li>
 *   <li>at least {@code minGap} frames have passed since the previous onset.</li>
 * </ol>
 * Windows are cut off at the ends of the track. Unlike librosa's onset_detect the envelope is not
 * normalised to its maximum first (that needs the whole track), so {@code delta} is absolute:
 * in dB for an envelope of mean mel-band rises.
 */
final class OnsetPeakPicker {

    private final int peakRadius;
    private final int meanBefore;
    private final int meanAfter;
    private final int minGap;
    private final double delta;
    private final int lookAhead;
    private final double[] recent;
    private long added;
    private long decided;
    private long lastOnset = Long.MIN_VALUE / 2;
    private long onsets;

    OnsetPeakPicker(int peakRadius, int meanBefore, int meanAfter, int minGap, double delta) {
        this.peakRadius = peakRadius;
        this.meanBefore = meanBefore;
        this.meanAfter = meanAfter;
        this.minGap = minGap;
        this.delta = delta;
        this.lookAhead = Math.max(peakRadius, meanAfter);
        this.recent = new double[Math.max(peakRadius, meanBefore) + lookAhead + 1];
    }

    /** The next envelope value. */
    void add(double value) {
        recent[(int) (added % recent.length)] = value;
        added++;
        while (decided + lookAhead < added) {
            decide(decided++);
        }
    }

    /** Decides the last frames, whose look-ahead windows end with the track. */
    void finish() {
        while (decided < added) {
            decide(decided++);
        }
    }

    long onsets() {
        return onsets;
    }

    private void decide(long n) {
        double value = at(n);
        long last = added - 1;
        for (long i = Math.max(0, n - peakRadius); i <= Math.min(last, n + peakRadius); i++) {
            if (at(i) > value) {
                return;
            }
        }
        double sum = 0;
        long from = Math.max(0, n - meanBefore);
        long to = Math.min(last, n + meanAfter);
        for (long i = from; i <= to; i++) {
            sum += at(i);
        }
        if (value >= sum / (to - from + 1) + delta && n - lastOnset >= minGap) {
            onsets++;
            lastOnset = n;
        }
    }

    private double at(long index) {
        return recent[(int) (index % recent.length)];
    }
}
