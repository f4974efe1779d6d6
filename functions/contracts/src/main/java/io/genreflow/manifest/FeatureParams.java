package io.genreflow.manifest;

/**
 * Parameters of the time-frequency representations, read from a model manifest so that training
 * and serving always compute identical tensors. Defaults follow librosa's conventions.
 *
 * @param sampleRate          the model's sample rate in Hz
 * @param nFft                FFT and window length in samples (periodic Hann window)
 * @param hopLength           hop between STFT frames in samples (frames are centred, zero-padded)
 * @param nMels               number of Slaney mel bands
 * @param fMin                lowest mel frequency in Hz
 * @param fMax                highest mel frequency in Hz
 * @param nChroma             number of chroma bins
 * @param topDb               dynamic range kept by the dB conversions, relative to the snippet's maximum
 * @param waveformFrameLength samples per step of the framed waveform
 * @param waveformHopLength   hop between waveform frames in samples
 * @param framing             how a snippet's STFT frames relate to the track's; absent in manifests
 *                            written before it existed, which means {@link Framing#SNIPPET}
 */
public record FeatureParams(
        int sampleRate,
        int nFft,
        int hopLength,
        int nMels,
        double fMin,
        double fMax,
        int nChroma,
        double topDb,
        int waveformFrameLength,
        int waveformHopLength,
        Framing framing) {

    /** Where a snippet's STFT frames come from. */
    public enum Framing {
        /**
         * Each snippet is its own signal: centred frames zero-padded at the snippet's edges, as
         * librosa computes a snippet passed alone. Snippets start wherever the plan says.
         */
        SNIPPET,
        /**
         * Each snippet is a slice of the track's STFT: snippets start on the STFT hop grid, and a
         * snippet's frames are the track's frames there, computed once for all the snippets that
         * overlap (as librosa on the whole track, sliced). Only the track's own ends are zero-padded.
         */
        TRACK
    }

    public FeatureParams {
        requirePositive("sampleRate", sampleRate);
        requirePositive("nFft", nFft);
        requirePositive("hopLength", hopLength);
        requirePositive("nMels", nMels);
        requirePositive("nChroma", nChroma);
        requirePositive("waveformFrameLength", waveformFrameLength);
        requirePositive("waveformHopLength", waveformHopLength);
        if (fMin < 0 || fMax <= fMin || fMax > sampleRate / 2.0) {
            throw new IllegalArgumentException(
                    "mel range must satisfy 0 <= fMin < fMax <= sampleRate/2, got " + fMin + ".." + fMax);
        }
        if (topDb <= 0) {
            throw new IllegalArgumentException("topDb must be positive, got " + topDb);
        }
        if (framing == null) {
            framing = Framing.SNIPPET;
        }
    }

    /**
     * 22050 Hz, n_fft 2048, hop 512, 128 mel bands over 0..11025 Hz, 12 chroma bins, top_db 80,
     * track framing.
     */
    public static FeatureParams defaults() {
        return new FeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 12, 80.0, 1024, 1024, Framing.TRACK);
    }

    /**
     * The sample grid snippet starts must lie on: the STFT hop under track framing, so that
     * neighbouring snippets share frames; any sample otherwise.
     */
    public int snippetGrid() {
        return framing == Framing.TRACK ? hopLength : 1;
    }

    /**
     * Samples a snippet's features read beyond each of its ends: half a window under track framing
     * (the first and last frames reach into the neighbouring audio), none under snippet framing.
     */
    public int contextSamples() {
        return framing == Framing.TRACK ? nFft / 2 : 0;
    }

    /** These parameters with another framing. */
    public FeatureParams withFraming(Framing other) {
        return new FeatureParams(sampleRate, nFft, hopLength, nMels, fMin, fMax, nChroma, topDb, waveformFrameLength,
                waveformHopLength, other);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
