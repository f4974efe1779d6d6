package io.genreflow.energy;

import io.genreflow.contracts.EnergyDescriptors;

import io.genreflow.features.Decibels;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.features.MelFilterBank;
import io.genreflow.features.Stft;
import java.util.Objects;

/**
 * Measures a whole track's {@link EnergyDescriptors} while it streams past once, in fixed memory
 * (one frame of samples, a few spectra and a level histogram, whatever the track length).
 *
 * <p>Frames are the model's STFT frames ({@code nFft} samples every {@code hop}, centred, zero
 * padded at both ends, so {@code 1 + n / hop} of them), and the results do not depend on how the
 * signal is cut into blocks. Per frame it takes librosa's RMS, spectral centroid and mean
 * onset strength; the track descriptors are:
 * <ul>
 *   <li><b>loudness</b>: ITU-R BS.1770-style gated mean of the frame mean squares (absolute gate
 *       {@value #ABSOLUTE_GATE_DB} dBFS, then relative gate {@value #RELATIVE_GATE_DB} dB below the
 *       absolutely gated mean), in dBFS without K-weighting; a track with no frame above the absolute
 *       gate reports its ungated mean (at least -120 dBFS);</li>
 *   <li><b>dynamic range</b>: 95th minus 10th percentile of frame levels, over frames within
 *       {@value #RANGE_GATE_DB} dB of the loudness (the gating of EBU R128's loudness range), so
 *       silences and fades do not count;</li>
 *   <li><b>onset rate</b>: peaks per second of the onset strength envelope, librosa's
 *       {@code onset_strength}: each mel band's rise in dB since the previous frame, averaged over the
 *       bands (see
 *       {@link OnsetPeakPicker}; local maximum within {@value #PEAK_RADIUS_S} s, at least
 *       {@value #ONSET_DELTA_DB} dB above the mean of the surrounding {@value #MEAN_WINDOW_S} s on each
 *       side, at least {@value #MIN_GAP_S} s apart);</li>
 *   <li><b>spectral flux</b>: mean of that envelope over pairs of consecutive frames above the
 *       absolute gate, i.e. the average rise per frame in dB, over mel bands: how restless the
 *       spectrum is, independent of level. In dB because linear or unit-sum spectra let the few loud
 *       bands dominate, so that merely changing a sound's colour changes its flux;</li>
 *   <li><b>spectral centroid</b>: mean centroid in Hz over frames above the absolute gate.</li>
 * </ul>
 *
 * <p>The onset envelope differs from librosa's whole-clip {@code onset_strength} in one respect: its
 * top_db floor follows the running maximum of the mel dB values instead of the maximum of the whole
 * track, which a single pass cannot know; the two agree from the loudest frame on.
 *
 * <p>Not thread-safe; one analyzer per track.
 */
public final class EnergyAnalyzer {

    static final double ABSOLUTE_GATE_DB = -70.0;
    static final double RELATIVE_GATE_DB = -10.0;
    static final double RANGE_GATE_DB = -20.0;
    static final double PEAK_RADIUS_S = 0.05;
    static final double MEAN_WINDOW_S = 0.1;
    static final double MIN_GAP_S = 0.05;
    /** A rise this far above the local average, as a mean over mel bands, is heard as a new event. */
    static final double ONSET_DELTA_DB = 1.0;

    private final int nFft;
    private final int hop;
    private final int sampleRate;
    private final double topDb;
    private final Stft stft;
    private final MelFilterBank melBank;
    private final double binHz;

    private final float[] frame;
    private int filled;
    private long toSkip;
    private long samples;
    private boolean finished;

    private final float[] power;
    private final float[] magnitude;
    private boolean previousGated;
    private final float[] melPower;
    private float[] melDb;
    private float[] previousMelDb;
    private boolean hasPreviousFrame;
    private float runningMaxDb = Float.NEGATIVE_INFINITY;

    private final LevelHistogram levels = new LevelHistogram();
    private final OnsetPeakPicker onsets;
    private double centroidSum;
    private long centroidFrames;
    private double fluxSum;
    private long fluxPairs;

    /** An analyzer for a signal at {@code params.sampleRate()}, framed like the models' STFT. */
    public EnergyAnalyzer(FeatureParams params) {
        this.nFft = params.nFft();
        this.hop = params.hopLength();
        this.sampleRate = params.sampleRate();
        this.topDb = params.topDb();
        this.stft = Stft.of(params);
        this.melBank = MelFilterBank.of(params);
        this.binHz = (double) sampleRate / nFft;
        this.frame = new float[nFft];
        this.filled = nFft / 2;
        int bins = stft.binCount();
        this.power = new float[bins];
        this.magnitude = new float[bins];
        this.melPower = new float[melBank.bands()];
        this.melDb = new float[melBank.bands()];
        this.previousMelDb = new float[melBank.bands()];
        double framesPerSecond = (double) sampleRate / hop;
        this.onsets = new OnsetPeakPicker(
                frames(PEAK_RADIUS_S, framesPerSecond), frames(MEAN_WINDOW_S, framesPerSecond),
                frames(MEAN_WINDOW_S, framesPerSecond), frames(MIN_GAP_S, framesPerSecond), ONSET_DELTA_DB);
    }

    private static int frames(double seconds, double framesPerSecond) {
        return Math.max(1, (int) Math.round(seconds * framesPerSecond));
    }

    /** Feeds the next {@code length} samples of the track. */
    public void accept(float[] block, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("analyzer already finished; create a new one per track");
        }
        Objects.checkFromIndexSize(offset, length, block.length);
        samples += length;
        append(block, offset, length);
    }

    /** Samples fed so far. */
    public long samples() {
        return samples;
    }

    /** Ends the track (its closing zero padding is framed) and returns the descriptors. */
    public EnergyDescriptors finish() {
        if (!finished) {
            append(new float[nFft / 2], 0, nFft / 2);
            onsets.finish();
            finished = true;
        }
        double seconds = (double) samples / sampleRate;
        double loudness = loudnessDb();
        return new EnergyDescriptors(
                loudness,
                dynamicRangeDb(loudness),
                seconds > 0 ? onsets.onsets() / seconds : 0,
                fluxPairs > 0 ? fluxSum / fluxPairs : 0,
                centroidFrames > 0 ? centroidSum / centroidFrames : 0);
    }

    private double loudnessDb() {
        double absolutelyGated = levels.meanDbAbove(ABSOLUTE_GATE_DB);
        if (Double.isNaN(absolutelyGated)) {
            return levels.ungatedMeanDb();
        }
        return levels.meanDbAbove(absolutelyGated + RELATIVE_GATE_DB);
    }

    private double dynamicRangeDb(double loudness) {
        double gate = Math.max(ABSOLUTE_GATE_DB, loudness + RANGE_GATE_DB);
        if (levels.framesAbove(gate) < 2) {
            return 0;
        }
        return levels.percentileDbAbove(0.95, gate) - levels.percentileDbAbove(0.10, gate);
    }

    private void append(float[] block, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            if (toSkip > 0) {
                int skipped = (int) Math.min(toSkip, end - offset);
                toSkip -= skipped;
                offset += skipped;
                continue;
            }
            int copied = Math.min(nFft - filled, end - offset);
            System.arraycopy(block, offset, frame, filled, copied);
            filled += copied;
            offset += copied;
            if (filled == nFft) {
                analyseFrame();
                advance();
            }
        }
    }

    private void advance() {
        if (hop < nFft) {
            System.arraycopy(frame, hop, frame, 0, nFft - hop);
            filled = nFft - hop;
        } else {
            filled = 0;
            toSkip = hop - nFft;
        }
    }

    private void analyseFrame() {
        double meanSquare = FrameMeasures.meanSquare(frame);
        levels.add(meanSquare);
        boolean gated = 10 * Math.log10(meanSquare) >= ABSOLUTE_GATE_DB;

        stft.framePower(frame, nFft, 0, power);
        if (gated) {
            centroidSum += FrameMeasures.centroidHz(magnitudes(), binHz);
            centroidFrames++;
        }

        melBank.apply(power, melPower);
        for (int band = 0; band < melDb.length; band++) {
            melDb[band] = Decibels.fromPower(melPower[band]);
            runningMaxDb = Math.max(runningMaxDb, melDb[band]);
        }
        if (hasPreviousFrame) {
            float floor = (float) (runningMaxDb - topDb);
            double onsetStrength = FrameMeasures.risingSum(previousMelDb, melDb, floor) / melDb.length;
            onsets.add(onsetStrength);
            if (gated && previousGated) {
                fluxSum += onsetStrength;
                fluxPairs++;
            }
        }
        float[] swap = previousMelDb;
        previousMelDb = melDb;
        melDb = swap;
        hasPreviousFrame = true;
        previousGated = gated;
    }

    private float[] magnitudes() {
        for (int k = 0; k < power.length; k++) {
            magnitude[k] = (float) Math.sqrt(power[k]);
        }
        return magnitude;
    }
}
