package io.genreflow.training.augment;

import io.genreflow.audio.Resampler;
import io.genreflow.audio.ResamplerQuality;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

/**
 * Plays the track faster or slower, tempo and pitch together, as a turntable at the wrong speed
 * would: a speed-up by {@code s} treats the samples as if recorded at {@code rate · s} and
 * resamples them to {@code rate} with the serving {@link Resampler} (its {@link ResamplerQuality#FAST
 * FAST} filter: -93 dB is far below what the variant changes, and it costs half), so the track gets {@code 1/s}
 * times as long. The factor is held as the exact fraction {@code numerator / denominator}: from 0.5
 * to 2, other than 1, with at most three decimals.
 *
 * @param numerator   the factor's numerator, in lowest terms with {@code denominator}
 * @param denominator the factor's denominator
 */
public record SpeedChange(int numerator, int denominator) implements Augmentation {

    /** Names of speed changes start with this, followed by the factor, e.g. {@code speed-1.1}. */
    public static final String PREFIX = "speed-";

    private static final BigDecimal SLOWEST = new BigDecimal("0.5");
    private static final BigDecimal FASTEST = new BigDecimal("2");
    private static final int MAX_DECIMALS = 3;
    private static final int DECIMAL_SCALE = 1000;

    public SpeedChange {
        if (numerator < 1 || denominator < 1 || BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).intValue() != 1) {
            throw new IllegalArgumentException("a speed factor is a fraction in lowest terms, got " + numerator + "/" + denominator);
        }
        if (DECIMAL_SCALE % denominator != 0) {
            throw new IllegalArgumentException("speed factor " + numerator + "/" + denominator + " needs more than "
                    + MAX_DECIMALS + " decimals");
        }
        BigDecimal value = new BigDecimal(numerator).divide(new BigDecimal(denominator), MAX_DECIMALS, RoundingMode.UNNECESSARY);
        if (value.compareTo(SLOWEST) < 0 || value.compareTo(FASTEST) > 0 || value.compareTo(BigDecimal.ONE) == 0) {
            throw new IllegalArgumentException("speed factor " + value.stripTrailingZeros().toPlainString()
                    + " must lie in 0.5..2 and differ from 1");
        }
    }

    /**
     * The speed change by {@code factor}, a decimal from 0.5 to 2 with up to three decimals, other
     * than 1, written without trailing zeros (so that every factor has one name).
     */
    public static SpeedChange of(String factor) {
        BigDecimal value;
        try {
            if (!factor.matches("\\d+(\\.\\d+)?")) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(factor).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speed factor '" + factor + "' is not a decimal number like 1.1");
        }
        if (value.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("speed factor " + factor + " has more than " + MAX_DECIMALS + " decimals");
        }
        if (!value.toPlainString().equals(factor)) {
            throw new IllegalArgumentException("write the speed factor " + factor + " as " + value.toPlainString()
                    + " (speed-" + value.toPlainString() + ")");
        }
        BigInteger numerator = value.scale() > 0 ? value.unscaledValue() : value.toBigIntegerExact();
        BigInteger denominator = value.scale() > 0 ? BigInteger.TEN.pow(value.scale()) : BigInteger.ONE;
        BigInteger divisor = numerator.gcd(denominator);
        return new SpeedChange(numerator.divide(divisor).intValueExact(), denominator.divide(divisor).intValueExact());
    }

    /** The factor as a decimal number. */
    public double factor() {
        return (double) numerator / denominator;
    }

    @Override
    public String name() {
        BigDecimal factor = new BigDecimal(numerator).divide(new BigDecimal(denominator), MAX_DECIMALS, RoundingMode.UNNECESSARY)
                .stripTrailingZeros();
        return PREFIX + factor.toPlainString();
    }

    @Override
    public float[] apply(float[] signal, int sampleRate, Random random) {
        // Only the ratio of the two rates shapes the resampler's filter and output grid, so the
        // factor's own numerator and denominator serve as rates and keep the phase table small.
        return Resampler.resample(signal, numerator, denominator, ResamplerQuality.FAST);
    }
}
