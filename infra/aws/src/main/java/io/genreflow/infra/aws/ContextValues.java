package io.genreflow.infra.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Typed reads of the CDK context ({@code -c key=value} on the command line, or {@code cdk.json}),
 * with defaults and errors that name the key.
 */
final class ContextValues {

    private final Function<String, Object> context;

    ContextValues(Function<String, Object> context) {
        this.context = context;
    }

    String string(String key, String fallback) {
        Object value = context.apply(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    int integer(String key, int fallback) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("context " + key + "=" + value + " is not a whole number", e);
        }
    }

    boolean flag(String key, boolean fallback) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("context " + key + "=" + value + " is not true or false");
        };
    }

    /** A comma-separated list; empty entries are dropped. */
    List<String> list(String key, String fallback) {
        String value = string(key, fallback);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.replace("[", "").replace("]", "").replace("\"", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
