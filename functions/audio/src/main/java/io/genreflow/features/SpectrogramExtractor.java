package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;

/**
 * Log-compressed linear-frequency spectrogram, {@code [frames][nFft/2 + 1]}: librosa's
 * {@code amplitude_to_db(|X|, ref=1, amin=1e-5, top_db)}, computed from the power as
 * {@code power_to_db(|X|^2, amin=1e-10, top_db)}, which is the same number. Decibels rather than
 * raw magnitudes because magnitudes span many orders of magnitude, which networks train poorly on.
 */
final class SpectrogramExtractor extends SpectralExtractor {

    private final int bins;
    private final double topDb;

    SpectrogramExtractor(SnippetPower power, FeatureParams params) {
        super(power);
        this.bins = power.binCount();
        this.topDb = params.topDb();
    }

    @Override
    public Representation representation() {
        return Representation.SPECTROGRAM;
    }

    @Override
    int features() {
        return bins;
    }

    @Override
    float[][] fromPower(SnippetPower power) {
        float[][] byFrame = power.byFrame();
        float[][] db = new float[byFrame.length][bins];
        Decibels.powerToDb(byFrame, db, topDb);
        return db;
    }
}
