package io.genreflow.training.evaluate;

import io.genreflow.json.Json;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.PreparedDataset;
import io.genreflow.training.dataset.PreparedTrack;
import io.genreflow.training.dataset.Split;
import io.genreflow.training.dataset.TrackSelection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code genreflow evaluate --models FILE --dataset DIR [--split S | --fold K] [--output DIR]}: scores
 * the selected tracks of a prepared dataset with a model set through the serving code, and writes
 * evaluation.json, evaluation.md and one confusion-matrix picture per model.
 */
public final class EvaluateCommand implements Command {

    static final String DEFAULT_ROBUSTNESS = "speed-1.1,speed-1.25";
    static final long DEFAULT_SEED = 42;

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "measure a model set on prepared tracks through the serving code, with a readable report";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("models", "FILE", "the model manifest to evaluate (required)"),
                new Option("dataset", "DIR", "the prepared dataset (required)"),
                new Option("split", "NAME", "evaluate the tracks of this split: train, validation or test (default test)"),
                new Option("fold", "K", "evaluate the tracks of cross-validation fold K instead of a split"),
                new Option("output", "DIR", "where the report goes (default: evaluation-<split or fold-K> beside the"
                        + " manifest)"),
                new Option("robustness", "LIST", "variants measured against the original audio when the dataset has"
                        + " them, or none (default " + DEFAULT_ROBUSTNESS + ")"),
                new Option("bootstrap", "N", "resamples of the confidence intervals (default "
                        + TrackBootstrap.DEFAULT_RESAMPLES + ")"),
                new Option("seed", "N", "seed of the bootstrap (default " + DEFAULT_SEED + ")"),
                new Option("threads", "N", "threads ONNX Runtime may use (default: one per processor)"));
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException,
            IOException {
        Path manifest = arguments.requiredPath("models");
        Path datasetRoot = arguments.requiredPath("dataset");
        TrackSelection selection = selection(arguments);
        Path output = arguments.path("output").orElseGet(() -> manifest.toAbsolutePath().getParent()
                .resolve("evaluation-" + (selection.split() != null ? selection.split() : "fold-" + selection.fold())));
        TrackBootstrap bootstrap = bootstrap(arguments);
        int threads = arguments.integer("threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }

        PreparedDataset dataset = PreparedDataset.open(datasetRoot);
        List<PreparedTrack> tracks = dataset.tracks(selection);
        if (tracks.isEmpty()) {
            throw new CommandException(datasetRoot + " has no tracks in " + selection.description());
        }
        List<String> variants = variants(arguments, dataset, err);
        ManifestScorer scorer = new ManifestScorer(manifest,
                OnnxSnippetClassifier.Options.defaults().withIntraOpThreads(threads), err);
        err.printf(Locale.ROOT, "evaluate: %d tracks of %s, variants %s%n", tracks.size(), selection.description(),
                variants);
        Map<String, VariantScores> scores = scorer.score(dataset, tracks, variants);
        Evaluation evaluation = Evaluator.evaluate(scorer.manifest(), datasetRoot, selection,
                dataset.description().snippet().hopSeconds(), scores, bootstrap);
        write(evaluation, output);
        summarise(evaluation, output, out);
        return 0;
    }

    /** Writes evaluation.json, evaluation.md and the confusion-matrix pictures into {@code output}. */
    private static void write(Evaluation evaluation, Path output) throws IOException {
        Files.createDirectories(output);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(output.resolve("evaluation.json").toFile(), evaluation);
        Files.writeString(output.resolve("evaluation.md"), EvaluationReport.markdown(evaluation));
        for (Map.Entry<String, ModelScores> model : EvaluationReport.models(evaluation.original()).entrySet()) {
            ConfusionMatrixImage.write(output.resolve(EvaluationReport.confusionImageName(model.getKey())),
                    model.getKey() + " \u00b7 " + evaluation.selection().description(),
                    evaluation.labels(), model.getValue().track().confusion());
        }
    }

    private static TrackSelection selection(Arguments arguments) throws UsageException {
        if (arguments.text("fold").isPresent()) {
            if (arguments.text("split").isPresent()) {
                throw new UsageException("give --split or --fold, not both");
            }
            int fold = arguments.integer("fold", 0);
            if (fold < 0) {
                throw new UsageException("--fold counts from 0, got " + fold);
            }
            return TrackSelection.fold(fold);
        }
        try {
            return new TrackSelection(arguments.text("split").orElse(Split.TEST.id()), null);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--split: " + e.getMessage());
        }
    }

    private static TrackBootstrap bootstrap(Arguments arguments) throws UsageException {
        try {
            return new TrackBootstrap(arguments.integer("bootstrap", TrackBootstrap.DEFAULT_RESAMPLES),
                    arguments.longInteger("seed", DEFAULT_SEED));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--bootstrap: " + e.getMessage());
        }
    }

    /** The original audio, then each robustness variant the dataset holds. */
    private static List<String> variants(Arguments arguments, PreparedDataset dataset, PrintStream err) {
        List<String> variants = new ArrayList<>(List.of(DatasetLayout.ORIGINAL_AUDIO));
        List<String> wanted = arguments.list("robustness").orElse(List.of(DEFAULT_ROBUSTNESS.split(",")));
        for (String variant : wanted) {
            if (variant.equals(DatasetLayout.ORIGINAL_AUDIO) || variants.contains(variant)) {
                continue;
            }
            if (dataset.hasVariant(variant)) {
                variants.add(variant);
            } else {
                err.println("evaluate: " + dataset.root() + " has no '" + variant + "' rows; robustness to it is not"
                        + " measured");
            }
        }
        return variants;
    }

    private static void summarise(Evaluation evaluation, Path output, PrintStream out) {
        VariantEvaluation original = evaluation.original();
        out.printf(Locale.ROOT, "%d tracks of %s (%d snippets), model set %s%n", original.tracks(),
                evaluation.selection().description(), original.snippets(), evaluation.modelVersion());
        EvaluationReport.models(original).forEach((name, scores) -> out.printf(Locale.ROOT,
                "  %-12s snippet accuracy %.3f, track accuracy %.3f, balanced %.3f [%.3f, %.3f], macro-F1 %.3f%n",
                name, scores.snippet().accuracy(), scores.track().accuracy(), scores.track().balancedAccuracy(),
                scores.trackIntervals().balancedAccuracy().lower(), scores.trackIntervals().balancedAccuracy().upper(),
                scores.track().macroF1()));
        evaluation.robustness().forEach((variant, drops) -> out.printf(Locale.ROOT,
                "  %s: ensemble track accuracy drop %+.3f%n", variant, drops.get(Evaluation.ENSEMBLE).trackAccuracy()));
        out.println("report: " + output.toAbsolutePath().resolve("evaluation.md"));
    }
}
