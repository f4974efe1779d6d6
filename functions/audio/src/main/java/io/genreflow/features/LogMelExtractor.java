package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;

/** Log-mel spectrogram: {@code power_to_db(melspectrogram(power=2))}, {@code [frames][nMels]}. */
final class LogMelExtractor extends SpectralExtractor {

    private final MelFilterBank bank;
    private final double topDb;
    private float[][] byBand = new float[0][];

    LogMelExtractor(SnippetPower power, FeatureParams params) {
        super(power);
        this.bank = MelFilterBank.of(params);
        this.topDb = params.topDb();
    }

    @Override
    public Representation representation() {
        return Representation.LOGMEL;
    }

    @Override
    int features() {
        return bank.bands();
    }

    @Override
    float[][] fromPower(SnippetPower power) {
        float[][] byBin = power.byBin();
        int frames = byBin[0].length;
        byBand = FloatMatrices.reuseOrAllocate(byBand, bank.bands(), frames);
        bank.applyToFrames(byBin, byBand);
        float[][] mel = new float[frames][bank.bands()];
        FloatMatrices.transpose(byBand, mel);
        Decibels.powerToDb(mel, mel, topDb);
        return mel;
    }
}
