package io.genreflow.training.cli;

import java.util.Objects;

/**
 * One option a command accepts, written {@code --name value} or {@code --name=value}.
 *
 * @param name        the option's name without the leading dashes
 * @param value       a word for the value in the usage text, e.g. {@code DIR}
 * @param description what the option does and its default, for the usage text
 */
public record Option(String name, String value, String description) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option names are lower-case words joined by dashes, got '" + name + "'");
        }
    }

    /** The option as the user types it. */
    public String flag() {
        return "--" + name;
    }
}
