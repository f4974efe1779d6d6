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
        int waveformHopLength) {

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
    }

    /** 22050 Hz, n_fft 2048, hop 512, 128 mel bands over 0..11025 Hz, 12 chroma bins, top_db 80. */
    public static FeatureParams defaults() {
        return new FeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 12, 80.0, 1024, 1024);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
