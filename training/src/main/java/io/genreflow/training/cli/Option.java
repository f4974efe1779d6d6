package io.genreflow.training.cli;

import java.util.Objects;

/**
 * One option a command accepts, written {@code --name value} or {@code --name=value}; or, made
 * with {@link #operands}, the words after the options that are not options, such as the files a
 * command works on.
 *
 * @param name        the option's name without the leading dashes; for operands, the upper-case
 *                    word that stands for them in the usage text, e.g. {@code FILE}
 * @param value       a word for the value in the usage text, e.g. {@code DIR}; for operands
 *                    {@code ...}, as any number of them may be given
 * @param description what the option does and its default, for the usage text
 * @param operands    whether this stands for the command's operands rather than a named option
 */
public record Option(String name, String value, String description, boolean operands) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        if (!operands && !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option names are lower-case words joined by dashes, got '" + name + "'");
        }
        if (operands && !name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("operands are named by an upper-case word, got '" + name + "'");
        }
    }

    /** A named option. */
    public Option(String name, String value, String description) {
        this(name, value, description, false);
    }

    /** The command's operands, any number of words that are not options, named {@code name} in the usage text. */
    public static Option operands(String name, String description) {
        return new Option(name, "...", description, true);
    }

    /** The option as the user types it; for operands, the word that stands for them. */
    public String flag() {
        return operands ? name : "--" + name;
    }
}
