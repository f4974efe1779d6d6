package io.genreflow.training;

import io.genreflow.training.baseline.BaselineCommand;
import io.genreflow.training.classify.ClassifyCommand;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.evaluate.CvSummaryCommand;
import io.genreflow.training.evaluate.EvaluateCommand;
import io.genreflow.training.models.PackageModelsCommand;
import io.genreflow.training.prepare.PrepareCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The training command line: {@code genreflow <command> --option value ...}. Each sub-command is a
 * {@link Command}; adding one to {@link #COMMANDS} is all it takes to offer it.
 */
public final class Cli {

    /** Exit status of a run that failed for a reason its message explains. */
    static final int FAILED = 1;

    /** Exit status of a wrong command line. */
    static final int USAGE = 2;

    private static final List<Command> COMMANDS = List.of(new PrepareCommand(), new ClassifyCommand(),
            new PackageModelsCommand(), new EvaluateCommand(), new CvSummaryCommand(), new BaselineCommand());

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command {@code words} name and returns the exit status. */
    static int run(List<String> words, PrintStream out, PrintStream err) {
        if (words.isEmpty() || isHelp(words.get(0))) {
            out.print(overview());
            return words.isEmpty() ? USAGE : 0;
        }
        Optional<Command> found = COMMANDS.stream().filter(command -> command.name().equals(words.get(0))).findFirst();
        if (found.isEmpty()) {
            err.println("unknown command '" + words.get(0) + "'");
            err.print(overview());
            return USAGE;
        }
        Command command = found.get();
        List<String> rest = words.subList(1, words.size());
        if (rest.stream().anyMatch(Cli::isHelp)) {
            out.print(usage(command));
            return 0;
        }
        try {
            return command.run(Arguments.parse(rest, command.options()), out, err);
        } catch (UsageException e) {
            err.println("genreflow " + command.name() + ": " + e.getMessage());
            err.println("(genreflow " + command.name() + " --help lists the options)");
            return USAGE;
        } catch (CommandException | IOException e) {
            err.println();
            err.println("genreflow " + command.name() + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static boolean isHelp(String word) {
        return word.equals("--help") || word.equals("-h") || word.equals("help");
    }

    private static String overview() {
        StringBuilder text = new StringBuilder("usage: genreflow <command> [--option value ...]\n\ncommands:\n");
        for (Command command : COMMANDS) {
            text.append(String.format("  %-10s %s%n", command.name(), command.summary()));
        }
        return text.append("\n'genreflow <command> --help' lists a command's options.\n").toString();
    }

    private static String usage(Command command) {
        StringBuilder text = new StringBuilder("usage: genreflow " + command.name() + " [--option value ...]\n")
                .append(command.summary()).append("\n\noptions:\n");
        for (Option option : command.options()) {
            text.append(String.format("  %-32s %s%n", option.flag() + " " + option.value(), option.description()));
        }
        return text.toString();
    }
}
