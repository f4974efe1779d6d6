package io.genreflow.features;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.FeatureParams;

/**
 * Chromagram {@code chroma_stft(S=|X|^2, norm=inf)}, {@code [frames][nChroma]}: pitch-class
 * energies of each frame divided by the frame's largest, so values lie in [0, 1]; silent frames
 * stay all zero.
 */
final class ChromaExtractor extends SpectralExtractor {

    private final ChromaFilterBank bank;
    private float[][] byPitchClass = new float[0][];

    ChromaExtractor(SnippetPower power, FeatureParams params) {
        super(power);
        this.bank = ChromaFilterBank.of(params);
    }

    @Override
    public Representation representation() {
        return Representation.CHROMA;
    }

    @Override
    int features() {
        return bank.pitchClasses();
    }

    @Override
    float[][] fromPower(SnippetPower power) {
        float[][] byBin = power.byBin();
        int frames = byBin[0].length;
        byPitchClass = FloatMatrices.reuseOrAllocate(byPitchClass, bank.pitchClasses(), frames);
        bank.applyToFrames(byBin, byPitchClass);
        float[][] chroma = new float[frames][bank.pitchClasses()];
        FloatMatrices.transpose(byPitchClass, chroma);
        for (float[] frame : chroma) {
            normaliseByMax(frame);
        }
        return chroma;
    }

    /** librosa's {@code normalize(norm=inf)}: divide by the largest value unless the frame is silent. */
    private static void normaliseByMax(float[] frame) {
        float max = 0f;
        for (float v : frame) {
            max = Math.max(max, v);
        }
        if (max > 0f) {
            for (int c = 0; c < frame.length; c++) {
                frame[c] /= max;
            }
        }
    }
}
