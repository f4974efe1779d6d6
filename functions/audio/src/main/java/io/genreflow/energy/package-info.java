/**
 * A track's energy: {@link io.genreflow.energy.EnergyAnalyzer} streams the resampled mono signal
 * once, in bounded memory, and measures loudness, dynamic range, onset rate, spectral flux and
 * brightness ({@link io.genreflow.contracts.EnergyDescriptors}); {@link io.genreflow.energy.EnergyScore}
 * maps them to a documented, monotone 0-1 score and a LOW / MEDIUM / HIGH level.
 */
package io.genreflow.energy;

import io.genreflow.contracts.EnergyDescriptors;
