package io.genreflow.contracts;


/**
 * Measured descriptors behind a track's energy score.
 *
 * <p>Definitions (frames, gates and the onset picker) are documented on {@code io.genreflow.energy.EnergyAnalyzer} (genreflow-audio).
 *
 * @param loudnessDb         gated mean loudness in dBFS (RMS-based, BS.1770-style gating, no K-weighting)
 * @param dynamicRangeDb     spread between loud and quiet passages in dB (95th minus 10th percentile of frame levels)
 * @param onsetRatePerSecond detected note/beat onsets per second
 * @param spectralFlux       mean positive frame-to-frame spectral change in dB per frame, averaged over mel
 *                           bands; independent of level
 * @param spectralCentroidHz mean spectral centroid (brightness) in Hz
 */
public record EnergyDescriptors(
        double loudnessDb,
        double dynamicRangeDb,
        double onsetRatePerSecond,
        double spectralFlux,
        double spectralCentroidHz) {
}
