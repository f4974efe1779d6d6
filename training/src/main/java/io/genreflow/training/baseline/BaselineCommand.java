package io.genreflow.training.baseline;

import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.PreparedDataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code genreflow baseline --dataset DIR}: the classical baseline on a prepared dataset,
 * cross-validated on its folds and tested on its hold-out split; the Markdown report on standard
 * output, progress on standard error, and with {@code --output} also {@code baseline.json} and
 * {@code baseline.md}.
 */
public final class BaselineCommand implements Command {

    /**
     * The L2 penalty unless told otherwise: standardised summaries have hundreds to thousands of
     * columns for a few hundred training tracks, so every fit is separable and needs a penalty to
     * stay finite; this one is scikit-learn's default (C = 1) for a hundred training tracks.
     */
    static final double DEFAULT_L2 = 1e-2;

    /** The {@code --split} value that asks for cross-validation over the dataset's folds. */
    static final String FOLDS = "folds";

    /** The files {@code --output} receives. */
    static final String JSON_FILE = "baseline.json";
    static final String MARKDOWN_FILE = "baseline.md";

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public String summary() {
        return "a classical baseline for the networks: logistic regression on per-track feature statistics";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("dataset", "DIR", "a dataset written by genreflow prepare (required)"),
                new Option("representations", "LIST", "representations whose statistics are combined; each is also"
                        + " evaluated alone (default: every prepared one but waveform, whose per-sample statistics"
                        + " carry no genre)"),
                new Option("split", "LIST", FOLDS + " (train on the other folds, test on each fold in turn), "
                        + Partition.HOLDOUT + " (train on train and validation, test on test), or both (default "
                        + FOLDS + "," + Partition.HOLDOUT + ")"),
                new Option("l2", "LAMBDA", "L2 penalty on the regression weights (default " + DEFAULT_L2 + ")"),
                new Option("output", "DIR", "also write " + JSON_FILE + " and " + MARKDOWN_FILE + " into this folder"),
                new Option("threads", "N", "fits run at once (default: one per processor); the results are the same"
                        + " for any number"));
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException,
            IOException {
        PreparedDataset dataset = PreparedDataset.open(arguments.requiredPath("dataset"));
        Path output = arguments.path("output").orElse(null);
        BaselineEvaluation.Plan plan = plan(arguments, dataset.description());
        long started = System.nanoTime();
        err.println("baseline: reading the " + ids(plan.representations()) + " shards of " + dataset.root());
        TrackSummaries tracks = TrackSummaryReader.read(dataset, plan.representations(), representation ->
                err.println("baseline: " + representation.id() + " summarised ("
                        + seconds(started) + ")"));
        BaselineReport report;
        try {
            report = BaselineEvaluation.run(tracks, plan, dataset.root().toString());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted", e);
        }
        err.println("baseline: " + report.featureSets().size() + " feature sets evaluated in "
                + seconds(started));
        String markdown = report.markdown();
        out.print(markdown);
        if (output != null) {
            Files.createDirectories(output);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(output.resolve(JSON_FILE).toFile(), report);
            Files.writeString(output.resolve(MARKDOWN_FILE), markdown);
            err.println("baseline: wrote " + output.resolve(JSON_FILE) + " and " + output.resolve(MARKDOWN_FILE));
        }
        return 0;
    }

    private static BaselineEvaluation.Plan plan(Arguments arguments, DatasetDescription description)
            throws UsageException {
        try {
            List<Representation> representations = arguments.list("representations")
                    .map(ids -> ids.stream().map(Representation::fromId).distinct().toList())
                    .orElseGet(() -> description.representations().keySet().stream().map(Representation::fromId)
                            .filter(representation -> representation != Representation.WAVEFORM).sorted().toList());
            if (representations.isEmpty()) {
                throw new UsageException("the dataset holds only waveform features; name them with --representations"
                        + " waveform to summarise them anyway");
            }
            List<String> splits = arguments.list("split").orElse(List.of(FOLDS, Partition.HOLDOUT));
            for (String split : splits) {
                if (!split.equals(FOLDS) && !split.equals(Partition.HOLDOUT)) {
                    throw new UsageException("--split takes " + FOLDS + ", " + Partition.HOLDOUT + " or both, got '"
                            + split + "'");
                }
            }
            return new BaselineEvaluation.Plan(representations, splits.contains(FOLDS), splits.contains(Partition.HOLDOUT),
                    arguments.number("l2", DEFAULT_L2),
                    arguments.integer("threads", Runtime.getRuntime().availableProcessors()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String seconds(long started) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private static String ids(List<Representation> representations) {
        return representations.stream().map(Representation::id).collect(Collectors.joining(", "));
    }
}
