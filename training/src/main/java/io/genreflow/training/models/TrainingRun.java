package io.genreflow.training.models;

import com.fasterxml.jackson.core.JacksonException;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.Normalisation;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelOutput;
import io.genreflow.training.cli.CommandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run of the Python trainer (training/python/README.md): its folder holds model.onnx
 * and metrics.json, which says what the model is, how it was trained and how it did on validation.
 *
 * @param folder         the run folder
 * @param representation the representation the model scores
 * @param architecture   the network, e.g. {@code gru} or {@code crnn}
 * @param parameters     the network's trainable parameter count
 * @param labels         the labels, in the order of the model's outputs
 * @param snippetShape   the shape of one input snippet, {@code [time, features]}
 * @param output         what the model emits
 * @param normalisation  the standardisation the model was trained with
 * @param features       the feature parameters of its training data
 * @param snippetSeconds the snippet length of its training data
 * @param modelSha256    the SHA-256 of model.onnx, checked against the file
 * @param track          validation scores of its tracks (mean of snippet probabilities)
 * @param snippet        validation scores of its snippets
 */
public record TrainingRun(
        Path folder,
        Representation representation,
        String architecture,
        long parameters,
        List<String> labels,
        List<Long> snippetShape,
        ModelOutput output,
        Normalisation normalisation,
        FeatureParams features,
        double snippetSeconds,
        String modelSha256,
        HeadlineScores track,
        HeadlineScores snippet) {

    /** The model file of a run. */
    public static final String MODEL_FILE = "model.onnx";
    /** The trainer's description of a run. */
    public static final String METRICS_FILE = "metrics.json";

    /** The part of metrics.json this reads; the trainer writes more. */
    private record Metrics(String representation, String architecture, Long parameters, List<String> labels,
                           List<Long> inputShape, ModelOutput output, Onnx onnx, Validation validation,
                           Normalisation normalisation, FeatureParams features, Snippet snippet) {
    }

    private record Onnx(String sha256) {
    }

    private record Validation(HeadlineScores snippet, HeadlineScores track) {
    }

    private record Snippet(Double lengthSeconds) {
    }

    /**
     * Reads a run folder and checks that its model file is the one metrics.json describes.
     *
     * @throws CommandException when the folder is not a finished run, or metrics.json lacks a field
     *                          or disagrees with model.onnx
     */
    public static TrainingRun read(Path folder) throws CommandException, IOException {
        Path metricsFile = folder.resolve(METRICS_FILE);
        Path model = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(metricsFile) || !Files.isRegularFile(model)) {
            throw new CommandException(folder + " is not a finished training run: it needs " + MODEL_FILE + " and "
                    + METRICS_FILE + " (the trainer writes them when it stops)");
        }
        Metrics metrics;
        try {
            metrics = Json.mapper().readValue(metricsFile.toFile(), Metrics.class);
        } catch (JacksonException e) {
            throw new CommandException(metricsFile + " is not a readable trainer metrics file: " + e.getOriginalMessage(), e);
        }
        requirePresent(metricsFile, metrics);
        String actual = Sha256.of(model);
        if (!actual.equals(metrics.onnx().sha256())) {
            throw new CommandException(model + " has SHA-256 " + actual + " but " + metricsFile + " describes a model with "
                    + metrics.onnx().sha256() + "; the run is still exporting or was changed since: package it once"
                    + " the trainer has finished");
        }
        Representation representation;
        try {
            representation = Representation.fromId(metrics.representation());
        } catch (IllegalArgumentException e) {
            throw new CommandException(metricsFile + ": " + e.getMessage(), e);
        }
        return new TrainingRun(folder, representation, metrics.architecture(),
                metrics.parameters() == null ? 0 : metrics.parameters(), List.copyOf(metrics.labels()),
                List.copyOf(metrics.inputShape()), metrics.output(), metrics.normalisation(), metrics.features(),
                metrics.snippet().lengthSeconds(), actual, metrics.validation().track(), metrics.validation().snippet());
    }

    /** The model file. */
    public Path model() {
        return folder.resolve(MODEL_FILE);
    }

    /** The trainer's validation figures, as the manifest records them. */
    public Map<String, Double> validationMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("trackAccuracy", track.accuracy());
        metrics.put("trackBalancedAccuracy", track.balancedAccuracy());
        metrics.put("trackMacroF1", track.macroF1());
        metrics.put("snippetAccuracy", snippet.accuracy());
        metrics.put("snippetBalancedAccuracy", snippet.balancedAccuracy());
        metrics.put("snippetMacroF1", snippet.macroF1());
        return metrics;
    }

    private static void requirePresent(Path file, Metrics metrics) throws CommandException {
        String missing = metrics.representation() == null ? "representation"
                : metrics.architecture() == null ? "architecture"
                : metrics.labels() == null ? "labels"
                : metrics.inputShape() == null || metrics.inputShape().size() != 2 ? "inputShape [time, features]"
                : metrics.output() == null ? "output"
                : metrics.onnx() == null || metrics.onnx().sha256() == null ? "onnx.sha256"
                : metrics.validation() == null || metrics.validation().track() == null
                        || metrics.validation().snippet() == null ? "validation.track and validation.snippet"
                : metrics.normalisation() == null ? "normalisation"
                : metrics.features() == null ? "features"
                : metrics.snippet() == null || metrics.snippet().lengthSeconds() == null ? "snippet.lengthSeconds"
                : null;
        if (missing != null) {
            throw new CommandException(file + " lacks '" + missing + "'; it was not written by a trainer this genreflow"
                    + " packages (training/python, which records everything the manifest needs)");
        }
    }
}
