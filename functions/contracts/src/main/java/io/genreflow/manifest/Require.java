package io.genreflow.manifest;

/**
 * Argument checks shared by the manifest records. They throw {@link IllegalArgumentException} so the
 * records stay valid however they are built; {@link ModelManifest#parse} turns these into
 * {@link ModelException}s that also name the offending JSON path.
 */
final class Require {

    private Require() {
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    static String nonBlank(String field, String value) {
        if (present(field, value).isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must not be blank");
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + field + "' must be a positive number, got " + value);
        }
        return value;
    }

    static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
