package io.genreflow.contracts;

/**
 * A track's energy: a score in [0, 1], its level, and the descriptors it was computed from.
 */
public record Energy(double score, EnergyLevel level, EnergyDescriptors descriptors) {
}
