package io.genreflow.training.evaluate;

import com.fasterxml.jackson.core.JacksonException;
import io.genreflow.json.Json;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code genreflow cv-summary --evaluations A,B,... --output DIR}: the mean and standard deviation of
 * the headline metrics over several evaluation.json files, as cv-summary.json and cv-summary.md.
 */
public final class CvSummaryCommand implements Command {

    static final String EVALUATION_FILE = "evaluation.json";

    @Override
    public String name() {
        return "cv-summary";
    }

    @Override
    public String summary() {
        return "mean and spread of several evaluations, e.g. one per cross-validation fold";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("evaluations", "LIST", "evaluation.json files, or the folders evaluate wrote them to,"
                        + " comma-separated (at least two; required)"),
                new Option("output", "DIR", "where cv-summary.json and cv-summary.md go (required)"));
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException,
            IOException {
        List<String> given = arguments.list("evaluations").orElse(List.of());
        if (given.size() < 2) {
            throw new UsageException("--evaluations needs at least two evaluation files, comma-separated");
        }
        Path output = arguments.requiredPath("output");
        List<Evaluation> evaluations = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String name : given) {
            Path file = evaluationFile(name);
            evaluations.add(read(file));
            sources.add(file.toString());
        }
        CvSummary summary;
        try {
            summary = CvSummary.of(evaluations, sources);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
        Files.createDirectories(output);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(output.resolve("cv-summary.json").toFile(), summary);
        Files.writeString(output.resolve("cv-summary.md"), summary.markdown());
        summary.models().forEach((model, metrics) -> out.printf(Locale.ROOT,
                "%-12s track balanced accuracy %.3f ± %.3f, macro-F1 %.3f ± %.3f%n", model,
                metrics.get("trackBalancedAccuracy").mean(), metrics.get("trackBalancedAccuracy").std(),
                metrics.get("trackMacroF1").mean(), metrics.get("trackMacroF1").std()));
        out.println("summary: " + output.toAbsolutePath().resolve("cv-summary.md"));
        return 0;
    }

    private static Path evaluationFile(String name) throws UsageException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UsageException("--evaluations: '" + name + "' is not a usable path");
        }
        return Files.isDirectory(path) ? path.resolve(EVALUATION_FILE) : path;
    }

    private static Evaluation read(Path file) throws CommandException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandException(file + " does not exist; run 'genreflow evaluate' first");
        }
        try {
            Evaluation evaluation = Json.mapper().readValue(file.toFile(), Evaluation.class);
            if (evaluation.schemaVersion() != Evaluation.SCHEMA_VERSION || evaluation.original() == null) {
                throw new CommandException(file + " is not an evaluation.json this genreflow reads (schemaVersion "
                        + evaluation.schemaVersion() + ", expected " + Evaluation.SCHEMA_VERSION + ")");
            }
            return evaluation;
        } catch (JacksonException e) {
            throw new CommandException(file + " is not a readable evaluation: " + e.getOriginalMessage(), e);
        }
    }
}
