package io.genreflow.training.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** A sub-command of the training command line ({@code genreflow <name> --option value ...}). */
public interface Command {

    /** The word that selects this command. */
    String name();

    /** One line saying what the command does. */
    String summary();

    /** Every option the command accepts; anything else is refused before {@link #run}. */
    List<Option> options();

    /**
     * Does the command's work.
     *
     * @param out receives the command's results
     * @param err receives progress and warnings
     * @return the process exit status, 0 for success
     */
    int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException, IOException;
}
