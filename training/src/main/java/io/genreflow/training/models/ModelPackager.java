package io.genreflow.training.models;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.manifest.RepresentationModel;
import io.genreflow.manifest.TrainingData;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.Split;
import io.genreflow.training.evaluate.ManifestScorer;
import io.genreflow.training.dataset.PreparedDataset;
import io.genreflow.training.dataset.PreparedTrack;
import io.genreflow.training.dataset.TrackSelection;
import io.genreflow.training.evaluate.VariantScores;
import io.genreflow.manifest.EnsembleSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Packages trained runs as a model set serving can load: picks the best run per representation,
 * copies its ONNX file, calibrates the ensemble on the validation tracks through the serving maths,
 * and writes manifest.json (a valid {@link ModelManifest}) and calibration.json.
 *
 * <p>Beside the fields {@link ModelManifest} reads, the manifest records (readers ignore unknown
 * fields) {@code selection} (which run won per representation and why), {@code calibration} (the
 * strategy comparison) and {@code trainingData.labelCounts} (tracks per split and label).
 */
public final class ModelPackager {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    /** The calibration record's file name. */
    public static final String CALIBRATION = "calibration.json";
    /** The folder inside the output where the set is put together and checked before it replaces anything. */
    static final String STAGING = ".package-models";

    /**
     * What to package.
     *
     * @param dataset           the prepared dataset the runs were trained on
     * @param runs              the run folders, several per representation allowed
     * @param output            the folder to write the model set into
     * @param modelVersion      the model set's name, or null for one derived from its content
     * @param datasetName       the training data's name in the manifest, or null for the dataset folder's name
     * @param servingHopSeconds the distance between snippet starts when serving
     * @param strategy          which ensemble strategy to ship
     * @param threads           threads ONNX Runtime may use
     */
    public record Settings(Path dataset, List<Path> runs, Path output, String modelVersion, String datasetName,
                           double servingHopSeconds, EnsembleCalibration.Request strategy, int threads) {

        public Settings {
            Objects.requireNonNull(dataset, "dataset");
            runs = List.copyOf(runs);
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(strategy, "strategy");
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("name at least one training run");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }
    }

    /**
     * The packaged model set.
     *
     * @param manifest    the written manifest
     * @param choices     the run chosen per representation
     * @param calibration how the ensemble was fitted
     */
    public record Packaged(ModelManifest manifest, List<RunChoice> choices, Calibration calibration) {
    }

    private ModelPackager() {
    }

    /**
     * Packages the runs; progress goes to {@code progress}. Everything is written and checked in a
     * staging folder inside {@code output} first, so a failure leaves a model set already there as
     * it was; the manifest is moved in last.
     */
    public static Packaged run(Settings settings, PrintStream progress) throws CommandException, IOException {
        PreparedDataset dataset = PreparedDataset.open(settings.dataset());
        DatasetDescription description = dataset.description();
        List<TrainingRun> runs = readRuns(settings.runs(), description, settings.dataset());
        List<RunChoice> choices = RunChoice.choose(runs);
        for (RunChoice choice : choices) {
            progress.println("package-models: " + choice.representation().id() + ": " + choice.reason());
        }
        SnippetParams snippets = servingSnippets(description, settings.servingHopSeconds());
        TrainingData trainingData = new TrainingData(datasetName(settings), description.splits().trackCounts(),
                splitDescription(description.splits()));
        Path staging = settings.output().resolve(STAGING);
        deleteFolder(staging);
        Files.createDirectories(staging);
        try {
            Packaged packaged = assemble(staging, settings, dataset, choices, snippets, trainingData, progress);
            for (RepresentationModel model : packaged.manifest().representations().values()) {
                moveInto(staging, settings.output(), model.file());
            }
            moveInto(staging, settings.output(), CALIBRATION);
            moveInto(staging, settings.output(), MANIFEST);
            return packaged;
        } finally {
            deleteFolder(staging);
        }
    }

    /** Copies the chosen models into {@code staging}, calibrates, writes and checks the manifest there. */
    private static Packaged assemble(Path staging, Settings settings, PreparedDataset dataset, List<RunChoice> choices,
                                     SnippetParams snippets, TrainingData trainingData, PrintStream progress)
            throws CommandException, IOException {
        DatasetDescription description = dataset.description();
        Map<String, RepresentationModel> models = new LinkedHashMap<>();
        for (RunChoice choice : choices) {
            models.put(choice.representation().id(), copyModel(choice.chosen(), staging));
        }
        // The classifiers load models through a manifest, before the ensemble is known.
        Path manifestJson = staging.resolve(MANIFEST);
        writeJson(manifestJson, manifest("calibrating", description, snippets, models, EnsembleSpec.mean(), trainingData));
        Calibration calibration = calibrate(manifestJson, dataset, models, settings, progress);
        Map<String, RepresentationModel> withServingFigures = withServingFigures(models, calibration);
        String modelVersion = settings.modelVersion() != null ? settings.modelVersion()
                : contentVersion(withServingFigures, calibration.spec());
        ModelManifest manifest = manifest(modelVersion, description, snippets, withServingFigures, calibration.spec(),
                trainingData);
        writeJson(staging.resolve(CALIBRATION), calibration);
        writeJson(manifestJson, annotated(manifest, choices, calibration, dataset));
        verifyLoads(manifestJson, manifest);
        return new Packaged(manifest, choices, calibration);
    }

    private static List<TrainingRun> readRuns(List<Path> folders, DatasetDescription description, Path datasetRoot)
            throws CommandException, IOException {
        Set<Path> seen = new HashSet<>();
        List<TrainingRun> runs = new ArrayList<>();
        for (Path folder : folders) {
            if (!seen.add(folder.toAbsolutePath().normalize())) {
                throw new CommandException(folder + " is named twice");
            }
            TrainingRun run = TrainingRun.read(folder);
            requireTrainedOn(run, description, datasetRoot);
            runs.add(run);
        }
        return runs;
    }

    /** A run trained on other labels, features or snippets than the dataset's cannot be calibrated on it. */
    private static void requireTrainedOn(TrainingRun run, DatasetDescription description, Path datasetRoot)
            throws CommandException {
        String problem = null;
        DatasetDescription.RepresentationShape shape = description.representations().get(run.representation().id());
        if (!run.labels().equals(description.labels())) {
            problem = "scores the labels " + run.labels() + ", the dataset has " + description.labels();
        } else if (!run.features().equals(description.features())) {
            problem = "was trained with feature parameters " + run.features() + ", the dataset has "
                    + description.features();
        } else if (run.snippetSeconds() != description.snippet().lengthSeconds()) {
            problem = "was trained on " + run.snippetSeconds() + "-s snippets, the dataset has "
                    + description.snippet().lengthSeconds() + "-s ones";
        } else if (shape == null || !run.snippetShape().equals(shape.shape().stream().map(Integer::longValue).toList())) {
            problem = "takes '" + run.representation().id() + "' snippets shaped " + run.snippetShape()
                    + ", the dataset has " + (shape == null ? "none" : shape.shape());
        }
        if (problem != null) {
            throw new CommandException("run " + run.folder() + " " + problem + "; package runs with the dataset "
                    + datasetRoot + " they were trained on");
        }
    }

    /** Copies the run's model to {@code <representation>.onnx} and describes it for the manifest. */
    private static RepresentationModel copyModel(TrainingRun run, Path output) throws IOException, CommandException {
        String file = run.representation().id() + ".onnx";
        Path target = output.resolve(file);
        Files.copy(run.model(), target, StandardCopyOption.REPLACE_EXISTING);
        String sha256 = Sha256.of(target);
        if (!sha256.equals(run.modelSha256())) {
            throw new CommandException(run.model() + " changed while it was copied to " + target + "; package again once"
                    + " the run has finished");
        }
        List<Long> inputShape = new ArrayList<>(List.of(-1L));
        inputShape.addAll(run.snippetShape());
        return new RepresentationModel(file, sha256, inputShape, run.architecture(), run.output(), run.normalisation(),
                run.validationMetrics());
    }

    /** The dataset's snippet length and silence threshold, and serving's hop. */
    private static SnippetParams servingSnippets(DatasetDescription description, double hopSeconds)
            throws CommandException {
        try {
            return new SnippetParams(description.snippet().lengthSeconds(), hopSeconds,
                    description.snippet().silenceThresholdDbfs());
        } catch (IllegalArgumentException e) {
            throw new CommandException("serving snippets: " + e.getMessage(), e);
        }
    }

    private static Calibration calibrate(Path manifest, PreparedDataset dataset, Map<String, RepresentationModel> models,
                                         Settings settings, PrintStream progress) throws CommandException, IOException {
        List<PreparedTrack> validation = dataset.tracks(TrackSelection.of(Split.VALIDATION));
        progress.printf(Locale.ROOT, "package-models: calibrating the ensemble on %d validation tracks%n",
                validation.size());
        ManifestScorer scorer = new ManifestScorer(manifest,
                OnnxSnippetClassifier.Options.defaults().withIntraOpThreads(settings.threads()), progress);
        VariantScores scores = scorer.score(dataset, validation, List.of(DatasetLayout.ORIGINAL_AUDIO))
                .get(DatasetLayout.ORIGINAL_AUDIO);
        try {
            Calibration calibration = new EnsembleCalibration(scores.trackScores(), List.copyOf(models.keySet()),
                    scores.truth(), dataset.description().labels()).calibrate(settings.strategy());
            progress.println("package-models: ensemble " + calibration.reason());
            return calibration;
        } catch (IllegalArgumentException e) {
            throw new CommandException("calibrating the ensemble failed: " + e.getMessage(), e);
        }
    }

    /** The models with their validation figures through the serving maths added beside the trainer's. */
    private static Map<String, RepresentationModel> withServingFigures(Map<String, RepresentationModel> models,
                                                                       Calibration calibration) {
        Map<String, RepresentationModel> result = new LinkedHashMap<>();
        models.forEach((id, model) -> {
            Map<String, Double> metrics = new LinkedHashMap<>(model.validationMetrics());
            HeadlineScores serving = calibration.representations().get(id);
            metrics.put("servingTrackAccuracy", serving.accuracy());
            metrics.put("servingTrackBalancedAccuracy", serving.balancedAccuracy());
            metrics.put("servingTrackMacroF1", serving.macroF1());
            // A mutable copy: RepresentationModel checks for nulls with List.contains, which an
            // immutable list (what its accessor returns) answers with a NullPointerException.
            result.put(id, new RepresentationModel(model.file(), model.sha256(), new ArrayList<>(model.inputShape()),
                    model.architecture(), model.output(), model.normalisation(), metrics));
        });
        return result;
    }

    private static ModelManifest manifest(String modelVersion, DatasetDescription description, SnippetParams snippets,
                                          Map<String, RepresentationModel> models, EnsembleSpec ensemble,
                                          TrainingData trainingData) throws CommandException {
        try {
            return new ModelManifest(ModelManifest.SCHEMA_VERSION, modelVersion, description.labels(),
                    description.features().sampleRate(), snippets, description.features(), models, ensemble, trainingData);
        } catch (IllegalArgumentException e) {
            throw new CommandException("the model set is inconsistent: " + e.getMessage(), e);
        }
    }

    /** {@code genreflow-} and the first 12 hex digits of a digest of the model files and the ensemble. */
    private static String contentVersion(Map<String, RepresentationModel> models, EnsembleSpec ensemble)
            throws IOException {
        StringBuilder content = new StringBuilder();
        models.forEach((id, model) -> content.append(id).append('=').append(model.sha256()).append('\n'));
        content.append(Json.mapper().writeValueAsString(ensemble));
        return "genreflow-" + Sha256.of(content.toString()).substring(0, 12);
    }

    private static String datasetName(Settings settings) {
        if (settings.datasetName() != null) {
            return settings.datasetName();
        }
        Path name = settings.dataset().toAbsolutePath().normalize().getFileName();
        return name == null ? settings.dataset().toString() : name.toString();
    }

    private static String splitDescription(DatasetDescription.SplitSettings splits) {
        return String.format(Locale.ROOT, "track-wise, stratified by label, seed %d: %.0f %% validation, %.0f %% test,"
                        + " the rest train; %d cross-validation folds over all tracks; %s", splits.seed(),
                splits.validationFraction() * 100, splits.testFraction() * 100, splits.folds(),
                splits.groupColumn() == null ? "no grouping column"
                        : "tracks sharing a '" + splits.groupColumn() + "' value kept in one split");
    }

    /** The manifest's JSON with the selection, the calibration summary and the per-label track counts added. */
    private static ObjectNode annotated(ModelManifest manifest, List<RunChoice> choices, Calibration calibration,
                                        PreparedDataset dataset) {
        ObjectNode tree = Json.mapper().valueToTree(manifest);
        Map<String, RunChoice.Summary> selection = new LinkedHashMap<>();
        choices.forEach(choice -> selection.put(choice.representation().id(), choice.summary()));
        tree.set("selection", Json.mapper().valueToTree(selection));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("strategy", calibration.chosen());
        summary.put("reason", calibration.reason());
        summary.put("criterion", calibration.criterion());
        summary.put("validationTracks", calibration.validationTracks());
        summary.put("details", CALIBRATION);
        tree.set("calibration", Json.mapper().valueToTree(summary));
        ((ObjectNode) tree.get("trainingData")).set("labelCounts", Json.mapper().valueToTree(labelCounts(dataset)));
        return tree;
    }

    /** Split id to label name to tracks. */
    private static Map<String, Map<String, Integer>> labelCounts(PreparedDataset dataset) {
        List<String> labels = dataset.description().labels();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (PreparedTrack track : dataset.tracks()) {
            Map<String, Integer> perLabel = counts.computeIfAbsent(track.split().id(), split -> {
                Map<String, Integer> zeros = new LinkedHashMap<>();
                labels.forEach(label -> zeros.put(label, 0));
                return zeros;
            });
            perLabel.merge(labels.get(track.label()), 1, Integer::sum);
        }
        return counts;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        ObjectWriter writer = Json.mapper().writerWithDefaultPrettyPrinter();
        Files.writeString(file, writer.writeValueAsString(value) + "\n");
    }

    /** Renames a staged file into the output folder; a reader sees the old file or the new one, never half of one. */
    private static void moveInto(Path staging, Path output, String file) throws IOException {
        Files.move(staging.resolve(file), output.resolve(file), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Proves serving accepts the written set: the manifest loads and every model opens. */
    private static void verifyLoads(Path manifestJson, ModelManifest manifest) throws CommandException {
        try {
            ModelManifest.load(manifestJson);
            for (String id : manifest.representations().keySet()) {
                OnnxSnippetClassifier.load(manifestJson, Representation.fromId(id),
                        OnnxSnippetClassifier.Options.defaults()).close();
            }
        } catch (ModelException e) {
            throw new CommandException("the written model set does not load: " + e.getMessage(), e);
        }
    }
}
