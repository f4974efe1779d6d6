package io.genreflow.energy;

import io.genreflow.contracts.Energy;
import io.genreflow.contracts.EnergyDescriptors;
import io.genreflow.contracts.EnergyLevel;

/**
 * Maps {@link EnergyDescriptors} to a 0-1 energy score and a level. Each descriptor is first
 * placed on [0, 1] within a reference range (values outside are clamped), then
 * <pre>
 *   score = 0.35 loudness + 0.25 onsets + 0.15 flux + 0.15 brightness - 0.10 dynamics
 * </pre>
 * clamped to [0, 1]. The score never decreases when a track gets louder, denser, more changeable or
 * brighter, and never increases when its dynamic range widens.
 *
 * <p>Reference ranges, and why:
 * <ul>
 *   <li>loudness {@value #QUIET_DB} .. {@value #LOUD_DB} dBFS (gated RMS): brick-walled modern
 *       masters reach about -6; quiet classical and jazz recordings sit around -30. Loudness gets the
 *       largest weight because it is what listeners most consistently call energetic.</li>
 *   <li>onset rate 0 .. {@value #DENSE_ONSETS_PER_S} per second: 8 per second is sixteenth notes at
 *       120 BPM, the densest grid most music uses; beyond it events fuse into a texture.</li>
 *   <li>spectral flux {@value #STEADY_FLUX} .. {@value #RESTLESS_FLUX} dB per frame: sustained tones
 *       stay near 0, classical and country recordings measure 1-1.3, busy hip-hop about 2, drum
 *       hits and noise bursts more.</li>
 *   <li>spectral centroid {@value #DARK_HZ} .. {@value #BRIGHT_HZ} Hz on a log scale (brightness is
 *       heard in octaves): mellow, bass-led mixes centre below 1 kHz, distorted guitars, cymbals and
 *       bright pop mixes at 3-4 kHz; anything brighter counts as fully bright.</li>
 *   <li>dynamic range {@value #COMPRESSED_DB} .. {@value #WIDE_DB} dB, subtracted: at the same loudness,
 *       a track that stays loud (heavily compressed rock and dance music, about 3-6 dB) feels more
 *       energetic than one with quiet passages (classical and jazz, 15-20 dB).</li>
 * </ul>
 * Levels split the score into thirds: LOW below {@value #MEDIUM_FROM}, HIGH from {@value #HIGH_FROM}.
 * The ranges were checked on real recordings: quiet classical clips score LOW, loud dance music HIGH.
 */
public final class EnergyScore {

    static final double QUIET_DB = -36.0;
    static final double LOUD_DB = -6.0;
    static final double DENSE_ONSETS_PER_S = 8.0;
    static final double STEADY_FLUX = 0.5;
    static final double RESTLESS_FLUX = 2.5;
    static final double DARK_HZ = 500.0;
    static final double BRIGHT_HZ = 4000.0;
    static final double COMPRESSED_DB = 3.0;
    static final double WIDE_DB = 20.0;

    static final double LOUDNESS_WEIGHT = 0.35;
    static final double ONSET_WEIGHT = 0.25;
    static final double FLUX_WEIGHT = 0.15;
    static final double BRIGHTNESS_WEIGHT = 0.15;
    static final double DYNAMICS_WEIGHT = 0.10;

    static final double MEDIUM_FROM = 1.0 / 3.0;
    static final double HIGH_FROM = 2.0 / 3.0;

    private EnergyScore() {
    }

    /** The energy of a track with these descriptors. */
    public static Energy of(EnergyDescriptors descriptors) {
        double score = score(descriptors);
        return new Energy(score, level(score), descriptors);
    }

    /** The weighted, clamped score in [0, 1]. */
    static double score(EnergyDescriptors d) {
        double brightness = d.spectralCentroidHz() > 0
                ? unit(Math.log(d.spectralCentroidHz() / DARK_HZ) / Math.log(BRIGHT_HZ / DARK_HZ))
                : 0;
        double score = LOUDNESS_WEIGHT * between(d.loudnessDb(), QUIET_DB, LOUD_DB)
                + ONSET_WEIGHT * between(d.onsetRatePerSecond(), 0, DENSE_ONSETS_PER_S)
                + FLUX_WEIGHT * between(d.spectralFlux(), STEADY_FLUX, RESTLESS_FLUX)
                + BRIGHTNESS_WEIGHT * brightness
                - DYNAMICS_WEIGHT * between(d.dynamicRangeDb(), COMPRESSED_DB, WIDE_DB);
        return unit(score);
    }

    /** The level of a score. */
    public static EnergyLevel level(double score) {
        if (score >= HIGH_FROM) {
            return EnergyLevel.HIGH;
        }
        return score >= MEDIUM_FROM ? EnergyLevel.MEDIUM : EnergyLevel.LOW;
    }

    private static double between(double value, double low, double high) {
        return unit((value - low) / (high - low));
    }

    private static double unit(double value) {
        return Double.isNaN(value) ? 0 : Math.clamp(value, 0.0, 1.0);
    }
}
