package io.genreflow.features;

/** The periodic Hann window librosa uses for its STFT ({@code scipy.signal.get_window('hann', n, fftbins=True)}). */
public final class HannWindow {

    private HannWindow() {
    }

    /**
     * {@code w[i] = 0.5 - 0.5 cos(2 pi i / length)} for {@code i < length}: periodic, so that
     * overlapping frames at hop length/4 sum to a constant (the symmetric form divides by length - 1).
     */
    public static float[] periodic(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("window length must be positive, got " + length);
        }
        float[] window = new float[length];
        for (int i = 0; i < length; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / length));
        }
        return window;
    }
}
