package io.genreflow.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of a genreflow function: its MicroProfile Config property name, the environment
 * variable MicroProfile maps to that name (what a Lambda deployment sets), its default and what it
 * does. A function's settings are a list of these, so deployments and docs can enumerate them.
 *
 * @param name                the property, e.g. {@code genreflow.bucket}
 * @param environmentVariable the same as an environment variable, e.g. {@code GENREFLOW_BUCKET}
 * @param defaultValue        the value when nothing sets it; null when the setting is required
 * @param description         what it does, in a sentence
 */
public record Setting(String name, String environmentVariable, String defaultValue, String description) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("setting name '" + name + "' is not a dotted lower-case property");
        }
        if (!environmentVariable(name).equals(environmentVariable)) {
            throw new IllegalArgumentException("setting " + name + " maps to the environment variable "
                    + environmentVariable(name) + ", not " + environmentVariable);
        }
    }

    /** A required setting. */
    public static Setting required(String name, String description) {
        return new Setting(name, environmentVariable(name), null, description);
    }

    /** A setting with a default. */
    public static Setting optional(String name, Object defaultValue, String description) {
        return new Setting(name, environmentVariable(name), String.valueOf(defaultValue), description);
    }

    /** MicroProfile Config's environment variable for a property: non-alphanumerics become '_', upper case. */
    public static String environmentVariable(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * A source that reads each setting from its environment variable in {@code environment}, as a
     * container entry point reads {@code System.getenv()}.
     */
    public static Function<String, Optional<String>> environmentSource(Map<String, String> environment) {
        Map<String, String> variables = Map.copyOf(environment);
        return name -> Optional.ofNullable(variables.get(environmentVariable(name)));
    }

    /** Whether a deployment must set it. */
    public boolean isRequired() {
        return defaultValue == null;
    }

    /**
     * The value {@code source} gives, else the default.
     *
     * @throws IllegalArgumentException when a required setting is not set
     */
    public String value(Function<String, Optional<String>> source) {
        Optional<String> value = source.apply(name).filter(v -> !v.isBlank());
        if (value.isEmpty() && isRequired()) {
            throw new IllegalArgumentException(this + " is required: " + description);
        }
        return value.orElse(defaultValue);
    }

    /** The value as a whole number. */
    public int intValue(Function<String, Optional<String>> source) {
        return parse(source, Integer::valueOf, "a whole number");
    }

    /** The value as a whole number that may exceed an int. */
    public long longValue(Function<String, Optional<String>> source) {
        return parse(source, Long::valueOf, "a whole number");
    }

    /** The value as a number. */
    public double doubleValue(Function<String, Optional<String>> source) {
        return parse(source, Double::valueOf, "a number");
    }

    /** The value as a file path. */
    public Path pathValue(Function<String, Optional<String>> source) {
        return Path.of(value(source));
    }

    /**
     * The value made by {@code conversion}; what it rejects with an {@link IllegalArgumentException}
     * is reported with the setting's names.
     */
    public <T> T parse(Function<String, Optional<String>> source, Function<String, T> conversion, String what) {
        String value = value(source);
        try {
            return conversion.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(this + ": '" + value + "' is not " + what
                    + (e instanceof NumberFormatException ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** The name and the environment variable, as error messages name a setting. */
    @Override
    public String toString() {
        return name + " (" + environmentVariable + ")";
    }
}
