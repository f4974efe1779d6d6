/**
 * The four snippet representations the models classify, computed exactly as librosa 0.11 does:
 * periodic Hann window, centred zero-padded STFT, Slaney mel bank, Ellis chroma bank and
 * {@code power_to_db} with one top_db floor per matrix. Layouts are time-major
 * ({@code [frames][features]}), the order recurrent models consume.
 *
 * <p>Entry points: {@link io.genreflow.features.FeatureExtractor#create} for one representation,
 * {@link io.genreflow.features.FeatureSetExtractor} for several from one STFT pass, and
 * {@link io.genreflow.manifest.Normalisation} for the per-model standardisation.
 */
package io.genreflow.features;

import io.genreflow.manifest.Normalisation;
