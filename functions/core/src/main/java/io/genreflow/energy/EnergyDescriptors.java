package io.genreflow.energy;

/**
 * Measured descriptors behind a track's energy score.
 *
 * @param loudnessDb         mean loudness in dBFS (RMS-based)
 * @param dynamicRangeDb     spread between loud and quiet passages in dB
 * @param onsetRatePerSecond detected note/beat onsets per second
 * @param spectralFlux       mean positive frame-to-frame spectral change (normalised)
 * @param spectralCentroidHz mean spectral centroid (brightness) in Hz
 */
public record EnergyDescriptors(
        double loudnessDb,
        double dynamicRangeDb,
        double onsetRatePerSecond,
        double spectralFlux,
        double spectralCentroidHz) {
}
