package io.genreflow.contracts;


import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Validation shared by the contract records, so every record rejects bad fields with the same words. */
final class Checks {

    private Checks() {
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    /** An immutable copy; null elements are rejected with a message instead of a bare NullPointerException. */
    static <T> List<T> list(List<T> values, String what) {
        if (present(values, what).stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " contain an empty (null) entry");
        }
        return List.copyOf(values);
    }

    static String representation(String id) {
        return Representation.fromId(text(id, "representation")).id();
    }

    static String instant(String iso8601, String what) {
        try {
            return Instant.parse(text(iso8601, what)).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + iso8601 + "' is not an ISO-8601 instant", e);
        }
    }

    static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static long nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** A probability-like value: finite and in [0, 1]. */
    static double probability(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** Stage timings: names to non-negative milliseconds, sorted so equal documents serialise identically. */
    static Map<String, Long> timings(Map<String, Long> timingsMs) {
        Map<String, Long> sorted = new TreeMap<>();
        if (timingsMs != null) {
            timingsMs.forEach((stage, ms) -> sorted.put(text(stage, "timing name"),
                    nonNegative(present(ms, "timing of '" + stage + "'"), "timing of '" + stage + "'")));
        }
        return Collections.unmodifiableMap(sorted);
    }
}
