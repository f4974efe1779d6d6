package io.genreflow.training.models;

import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code genreflow package-models --dataset DIR --runs DIR,DIR,... --output DIR}: the best trainer run
 * of each representation, its ONNX file, a calibrated ensemble and the manifest serving loads.
 */
public final class PackageModelsCommand implements Command {

    @Override
    public String name() {
        return "package-models";
    }

    @Override
    public String summary() {
        return "pick the best trained run per representation, calibrate the ensemble, write the model manifest";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("dataset", "DIR", "the prepared dataset the runs were trained on (required)"),
                new Option("runs", "LIST", "finished trainer run folders, comma-separated; the representation comes"
                        + " from each run's metrics.json, several runs per representation compete (required)"),
                new Option("output", "DIR", "the folder to write the model set into, e.g. models (required)"),
                new Option("model-version", "NAME", "the model set's name (default: genreflow- and a digest of its"
                        + " content)"),
                new Option("dataset-name", "NAME", "the training data's name in the manifest (default: the dataset"
                        + " folder's name)"),
                new Option("serving-hop-seconds", "S", "distance between snippet starts when serving (default "
                        + SnippetParams.defaults().hopSeconds() + ", whatever hop the dataset was prepared with)"),
                new Option("strategy", "NAME", "the ensemble: " + Arrays.stream(EnsembleCalibration.Request.values())
                        .map(EnsembleCalibration.Request::optionValue).toList() + " (default auto: the best by"
                        + " leave-one-out on validation)"),
                new Option("threads", "N", "threads ONNX Runtime may use (default: one per processor)"));
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException,
            IOException {
        ModelPackager.Settings settings = settings(arguments);
        ModelPackager.Packaged packaged = ModelPackager.run(settings, err);
        Path output = settings.output().toAbsolutePath();
        out.println("model set " + packaged.manifest().modelVersion() + " in " + output);
        for (RunChoice choice : packaged.choices()) {
            out.printf(Locale.ROOT, "  %-12s %s%n", choice.representation().id(), choice.reason());
        }
        out.println("  ensemble     " + packaged.calibration().reason());
        out.println("manifest: " + output.resolve(ModelPackager.MANIFEST));
        return 0;
    }

    private static ModelPackager.Settings settings(Arguments arguments) throws UsageException {
        List<Path> runs = new ArrayList<>();
        for (String run : arguments.list("runs").orElse(List.of())) {
            try {
                runs.add(Path.of(run));
            } catch (InvalidPathException e) {
                throw new UsageException("--runs: '" + run + "' is not a usable path");
            }
        }
        if (runs.isEmpty()) {
            throw new UsageException("--runs is required: the trainer run folders to choose from, comma-separated");
        }
        try {
            return new ModelPackager.Settings(arguments.requiredPath("dataset"), runs, arguments.requiredPath("output"),
                    arguments.text("model-version").orElse(null), arguments.text("dataset-name").orElse(null),
                    arguments.number("serving-hop-seconds", SnippetParams.defaults().hopSeconds()),
                    EnsembleCalibration.Request.named(arguments.text("strategy").orElse("auto")),
                    arguments.integer("threads", Runtime.getRuntime().availableProcessors()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
