package io.genreflow.training.prepare;

import io.genreflow.manifest.FeatureParams;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.augment.Augmentation;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.split.SplitParams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code genreflow prepare}: labelled audio in, the prepared dataset of training/DATASET_FORMAT.md out. */
public final class PrepareCommand implements Command {

    private static final SnippetParams SNIPPET_DEFAULTS = SnippetParams.defaults();
    private static final SplitParams SPLIT_DEFAULTS = SplitParams.defaults();

    @Override
    public String name() {
        return "prepare";
    }

    @Override
    public String summary() {
        return "turn labelled audio into feature shards for training, with the serving feature code";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("input", "PATH", "a folder with one sub-folder of audio files per label, or a CSV manifest (required)"),
                new Option("output", "DIR", "the dataset folder to write, or to continue after an interruption (required)"),
                new Option("label-column", "NAME", "manifest column holding the label (default label)"),
                new Option("path-column", "NAME", "manifest column holding the file path (default path)"),
                new Option("group-column", "NAME", "manifest column whose groups (e.g. artist) never straddle splits"),
                new Option("audio-root", "DIR", "folder the manifest's paths are relative to (default: the manifest's folder)"),
                new Option("augment", "LIST", "variants besides the original: speed-<factor>, gain, noise, lowpass, or none"
                        + " (default " + defaultAugmentations() + ")"),
                new Option("representations", "LIST", "representations to compute (default all: "
                        + Stream.of(Representation.values()).map(Representation::id).collect(Collectors.joining(",")) + ")"),
                new Option("snippet-seconds", "S", "snippet length (default " + SNIPPET_DEFAULTS.snippetSeconds() + ")"),
                new Option("hop-seconds", "S", "distance between snippet starts; larger means fewer rows (default "
                        + SNIPPET_DEFAULTS.hopSeconds() + ")"),
                new Option("silence-threshold-dbfs", "DB", "snippets quieter than this are flagged silent (default "
                        + SNIPPET_DEFAULTS.silenceThresholdDbfs() + ")"),
                new Option("features", "FILE", "JSON file with the representation parameters (default: the serving defaults)"),
                new Option("seed", "N", "seed of the splits and augmentations (default " + SPLIT_DEFAULTS.seed() + ")"),
                new Option("validation-fraction", "F", "share of each label's tracks for validation (default "
                        + SPLIT_DEFAULTS.validationFraction() + ")"),
                new Option("test-fraction", "F", "share of each label's tracks for testing (default " + SPLIT_DEFAULTS.testFraction() + ")"),
                new Option("folds", "K", "cross-validation folds (default " + SPLIT_DEFAULTS.folds() + ")"),
                new Option("tracks-per-shard", "N", "consecutive tracks per shard file (default " + PrepareSettings.DEFAULT_TRACKS_PER_SHARD + ")"),
                new Option("max-track-seconds", "S", "skip tracks longer than this (default " + PrepareSettings.DEFAULT_MAX_TRACK_SECONDS + ")"),
                new Option("threads", "N", "worker threads (default: one per processor); the output is the same for any number"));
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException, IOException {
        Path input = arguments.requiredPath("input");
        Path output = arguments.requiredPath("output");
        int threads = arguments.integer("threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        PrepareSettings settings = settings(arguments);
        long started = System.nanoTime();
        try {
            TrackList tracks = tracks(input, arguments);
            DatasetDescription description = Preparation.run(tracks, settings, output, threads, new Progress(err, System::nanoTime));
            summarise(description, tracks, output, (System.nanoTime() - started) / 1e9, out);
            return 0;
        } catch (PrepareException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted; run the same command again to continue", e);
        }
    }

    private static PrepareSettings settings(Arguments arguments) throws UsageException {
        try {
            FeatureParams features = featureParams(arguments.path("features"));
            SnippetParams snippets = new SnippetParams(arguments.number("snippet-seconds", SNIPPET_DEFAULTS.snippetSeconds()),
                    arguments.number("hop-seconds", SNIPPET_DEFAULTS.hopSeconds()),
                    arguments.number("silence-threshold-dbfs", SNIPPET_DEFAULTS.silenceThresholdDbfs()));
            SplitParams splits = new SplitParams(arguments.longInteger("seed", SPLIT_DEFAULTS.seed()),
                    arguments.number("validation-fraction", SPLIT_DEFAULTS.validationFraction()),
                    arguments.number("test-fraction", SPLIT_DEFAULTS.testFraction()),
                    arguments.integer("folds", SPLIT_DEFAULTS.folds()));
            List<Augmentation> augmentations = arguments.list("augment")
                    .map(names -> names.stream().map(Augmentation::named).toList())
                    .orElse(Augmentation.DEFAULTS);
            List<Representation> representations = arguments.list("representations")
                    .map(ids -> ids.stream().map(Representation::fromId).toList())
                    .orElse(List.of(Representation.values()));
            return new PrepareSettings(features, snippets, splits, arguments.text("group-column").orElse(null), augmentations,
                    representations, arguments.integer("tracks-per-shard", PrepareSettings.DEFAULT_TRACKS_PER_SHARD),
                    arguments.number("max-track-seconds", PrepareSettings.DEFAULT_MAX_TRACK_SECONDS));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static FeatureParams featureParams(Optional<Path> file) throws UsageException {
        if (file.isEmpty()) {
            return FeatureParams.defaults();
        }
        try {
            return Json.mapper().readValue(file.get().toFile(), FeatureParams.class);
        } catch (IOException e) {
            throw new UsageException("--features " + file.get() + " is not a readable JSON object of representation parameters"
                    + " (as in a model manifest's \"features\"): " + e.getMessage());
        }
    }

    private static TrackList tracks(Path input, Arguments arguments) throws UsageException, IOException, PrepareException {
        if (Files.isDirectory(input)) {
            for (String manifestOnly : List.of("label-column", "path-column", "group-column", "audio-root")) {
                if (arguments.text(manifestOnly).isPresent()) {
                    throw new UsageException("--" + manifestOnly + " applies to a CSV manifest; " + input
                            + " is a folder, whose sub-folders are the labels");
                }
            }
            return TrackListReader.fromFolder(input);
        }
        if (!Files.isRegularFile(input)) {
            throw new UsageException("--input " + input + " does not exist");
        }
        Path audioRoot = arguments.path("audio-root").orElse(input.toAbsolutePath().getParent());
        return TrackListReader.fromCsv(input, arguments.text("path-column").orElse("path"),
                arguments.text("label-column").orElse("label"), arguments.text("group-column").orElse(null), audioRoot);
    }

    private static String defaultAugmentations() {
        return Augmentation.DEFAULTS.stream().skip(1).map(Augmentation::name).collect(Collectors.joining(","));
    }

    private static void summarise(DatasetDescription description, TrackList tracks, Path output, double seconds, PrintStream out)
            throws IOException {
        long rows = description.shards().stream().mapToLong(DatasetDescription.Shard::rows).sum();
        out.printf(Locale.ROOT, "prepared %d of %d tracks (%d skipped) in %s: %d snippet rows in %d shards%n",
                tracks.tracks().size() - description.skipped().size(), tracks.tracks().size(), description.skipped().size(),
                Progress.duration(seconds), rows, description.shards().size());
        out.println("tracks per split: " + description.splits().trackCounts().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
        List<String> sizes = new ArrayList<>();
        DatasetLayout layout = new DatasetLayout(output);
        for (String id : description.representations().keySet()) {
            long bytes;
            try (Stream<Path> files = Files.list(layout.representationFolder(Representation.fromId(id)))) {
                bytes = files.mapToLong(path -> path.toFile().length()).sum();
            }
            sizes.add(String.format(Locale.ROOT, "%s %.2f GB", id, bytes / 1e9));
        }
        out.println("shard sizes: " + String.join(", ", sizes));
        out.println("dataset: " + output.toAbsolutePath());
    }
}
