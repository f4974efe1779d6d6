package io.genreflow.dashboard.charts;

import java.util.Locale;

/** Probabilities and lengths as the pages print them, the same whatever the server's locale. */
public final class Percent {

    private Percent() {
    }

    /** 0.6423 as "64.2 %". */
    public static String of(double probability) {
        return String.format(Locale.ROOT, "%.1f %%", probability * 100);
    }

    /** 75.4 seconds as "1:15". */
    public static String clock(double seconds) {
        long whole = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    /** A number with {@code decimals} digits after the point. */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
