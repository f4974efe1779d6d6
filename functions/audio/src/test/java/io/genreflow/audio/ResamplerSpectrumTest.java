package io.genreflow.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Frequency-domain quality: what survives, what is removed, what must not appear. Levels are
 * measured on one second of output taken from the middle of a three-second tone, so that the
 * start and end transients (the filter running into silence) are excluded, and every test
 * frequency makes a whole number of cycles in the window, so nothing leaks between DFT bins.
 */
class ResamplerSpectrumTest {

    private static final double SECONDS = 3.0;

    /** Tones above the output's Nyquist frequency must not fold back into the band. */
    @ParameterizedTest(name = "{3}: {0} Hz -> {1} Hz, tone at {2} Hz")
    @CsvSource({
        "44100, 22050, 11500, BEST", "44100, 22050, 13000, BEST", "44100, 22050, 15000, BEST",
        "44100, 22050, 20000, BEST", "48000, 22050, 11500, BEST", "48000, 22050, 23000, BEST",
        "192000, 22050, 12000, BEST", "192000, 22050, 90000, BEST", "22050, 12000, 6500, BEST",
        "44100, 22050, 11500, FAST", "44100, 22050, 20000, FAST", "48000, 22050, 23000, FAST"})
    void stopBandAttenuatesAtLeast80Db(int inRate, int outRate, double toneHz, ResamplerQuality quality) {
        float[] x = tone(inRate, toneHz, 0.5);
        float[] y = Resampler.resample(x, inRate, outRate, quality);

        double inputRms = 0.5 / Math.sqrt(2);
        double level = db(rms(middleSecond(y, outRate)) / inputRms);
        assertTrue(level <= -80, "residual " + level + " dB relative to the tone");
    }

    /** A 1 kHz tone keeps its amplitude. */
    @ParameterizedTest(name = "{2}: {0} Hz -> {1} Hz")
    @CsvSource({
        "44100, 22050, BEST", "48000, 22050, BEST", "8000, 22050, BEST", "192000, 22050, BEST",
        "22050, 12000, BEST", "11025, 22050, BEST", "44100, 22051, BEST", "44100, 22050, FAST",
        "48000, 22050, FAST"})
    void passBandKeepsAmplitudeWithinATenthOfADecibel(int inRate, int outRate, ResamplerQuality quality) {
        float[] y = Resampler.resample(tone(inRate, 1000, 0.5), inRate, outRate, quality);

        double gain = db(amplitudeAt(middleSecond(y, outRate), 1000) / 0.5);
        assertTrue(Math.abs(gain) <= 0.1, "1 kHz gain " + gain + " dB");
    }

    /** Upsampling interpolates between the input samples; it must not create images above the old Nyquist frequency. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"BEST", "FAST"})
    void upsamplingCreatesNoImagesAbove4Khz(ResamplerQuality quality) {
        int inRate = 8000;
        int outRate = 22050;
        float[] x = tone(inRate, 1000, 0.4);
        float[] second = tone(inRate, 3000, 0.4);
        for (int i = 0; i < x.length; i++) {
            x[i] += second[i];
        }
        float[] y = Resampler.resample(x, inRate, outRate, quality);

        double[] power = powerSpectrum(middleSecond(y, outRate));
        double total = 0;
        double above = 0;
        for (int hz = 0; hz < power.length; hz++) {
            total += power[hz];
            if (hz > 4000) {
                above += power[hz];
            }
        }
        double level = 10 * Math.log10(above / total);
        assertTrue(level <= -80, "energy above 4 kHz at " + level + " dB");
    }

    private static float[] tone(int rate, double hz, double amplitude) {
        float[] x = new float[(int) (SECONDS * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Samples [rate, 2·rate): the second in the middle of the three-second signal. */
    private static double[] middleSecond(float[] y, int rate) {
        double[] window = new double[rate];
        for (int i = 0; i < rate; i++) {
            window[i] = y[rate + i];
        }
        return window;
    }

    private static double rms(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum / x.length);
    }

    /** Amplitude of the {@code hz} component of one second of signal ({@code hz} makes whole cycles in it). */
    private static double amplitudeAt(double[] second, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < second.length; i++) {
            double phase = 2 * Math.PI * hz * i / second.length;
            re += second[i] * Math.cos(phase);
            im += second[i] * Math.sin(phase);
        }
        return 2 * Math.hypot(re, im) / second.length;
    }

    /** |DFT|² of one second of signal with an even sample count: one value per 1 Hz bin, 0 Hz to Nyquist. */
    private static double[] powerSpectrum(double[] second) {
        int n = second.length;
        double[] packed = second.clone();
        new DoubleFFT_1D(n).realForward(packed);
        double[] power = new double[n / 2 + 1];
        power[0] = packed[0] * packed[0];
        for (int k = 1; k < n / 2; k++) {
            power[k] = packed[2 * k] * packed[2 * k] + packed[2 * k + 1] * packed[2 * k + 1];
        }
        // JTransforms packs the real Nyquist bin into slot 1.
        power[n / 2] = packed[1] * packed[1];
        return power;
    }

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
