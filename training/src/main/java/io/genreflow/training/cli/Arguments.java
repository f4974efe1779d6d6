package io.genreflow.training.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The options given to a command, checked against the options it declares: every option takes one
 * value ({@code --name value} or {@code --name=value}), none may repeat, and positional words are
 * refused unless the command declares {@link Option#operands}, so a typo never silently falls back
 * to a default.
 */
public final class Arguments {

    private final Map<String, String> values;
    private final List<String> operands;

    private Arguments(Map<String, String> values, List<String> operands) {
        this.values = values;
        this.operands = operands;
    }

    /** Parses {@code words} against the {@code known} options. */
    public static Arguments parse(List<String> words, List<Option> known) throws UsageException {
        List<Option> operandOptions = known.stream().filter(Option::operands).toList();
        if (operandOptions.size() > 1) {
            throw new IllegalArgumentException("a command declares its operands once, got " + operandOptions);
        }
        List<Option> named = known.stream().filter(option -> !option.operands()).toList();
        Map<String, Option> byName = named.stream().collect(Collectors.toMap(Option::name, Function.identity()));
        Map<String, String> values = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") && !word.isEmpty() && !operandOptions.isEmpty()) {
                operands.add(word);
                continue;
            }
            if (!word.startsWith("--") || word.length() == 2) {
                throw new UsageException("unexpected '" + word + "': options are written --name value");
            }
            int equals = word.indexOf('=');
            String name = word.substring(2, equals < 0 ? word.length() : equals);
            if (!byName.containsKey(name)) {
                throw new UsageException("unknown option --" + name + "; the options are "
                        + named.stream().map(Option::flag).collect(Collectors.joining(", ")));
            }
            String value;
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value (" + byName.get(name).value() + ")");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return new Arguments(values, List.copyOf(operands));
    }

    /** The words given that are not options, in order (none unless the command declares operands). */
    public List<String> operands() {
        return operands;
    }

    /** The value of {@code --name}, if given. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of {@code --name}, which must be given. */
    public String requiredText(String name) throws UsageException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    public Path requiredPath(String name) throws UsageException {
        return toPath(name, requiredText(name));
    }

    public Optional<Path> path(String name) throws UsageException {
        String value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(toPath(name, value));
    }

    public int integer(String name, int fallback) throws UsageException {
        return parsed(name, fallback, Integer::parseInt, "a whole number");
    }

    public long longInteger(String name, long fallback) throws UsageException {
        return parsed(name, fallback, Long::parseLong, "a whole number");
    }

    /** A finite decimal number. */
    public double number(String name, double fallback) throws UsageException {
        return parsed(name, fallback, Arguments::finite, "a number");
    }

    /** A comma-separated value as its trimmed, non-empty items, if given. */
    public Optional<List<String>> list(String name) {
        return Optional.ofNullable(values.get(name))
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList());
    }

    /**
     * The value of {@code name} read by {@code parser}, or {@code fallback} when it is not given.
     *
     * @param kind what the option takes, in words, for the message when {@code parser} refuses the value
     */
    private <T> T parsed(String name, T fallback, Function<String, T> parser, String kind) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes " + kind + ", got '" + value + "'");
        }
    }

    private static double finite(String text) {
        double number = Double.parseDouble(text);
        if (!Double.isFinite(number)) {
            throw new NumberFormatException(text + " is not finite");
        }
        return number;
    }

    private static Path toPath(String name, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " is not a usable path: " + e.getMessage());
        }
    }
}
