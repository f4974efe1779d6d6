package io.genreflow.manifest;


import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The manifest's entry for one representation's model.
 *
 * @param file              the ONNX file, relative to the manifest's directory (may not leave it)
 * @param sha256            lower-case hex SHA-256 of the file, checked before the file is used
 * @param inputShape        the model input's shape; the first dimension is -1 (any batch size), the
 *                          others are fixed, e.g. {@code [-1, 130, 128]} for [batch, time, features]
 * @param architecture      the network's name, for the model card and diagnostics
 * @param output            whether the model emits logits or probabilities
 * @param normalisation     the input standardisation the model was trained with; its arrays have one
 *                          value or one per element of the input's last axis
 * @param validationMetrics metric name to value on the validation split, e.g. {@code accuracy}
 */
public record RepresentationModel(
        String file,
        String sha256,
        List<Long> inputShape,
        String architecture,
        ModelOutput output,
        Normalisation normalisation,
        Map<String, Double> validationMetrics) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public RepresentationModel {
        requireRelativeInside(Require.nonBlank("file", file));
        Require.that(SHA256_HEX.matcher(Require.present("sha256", sha256)).matches(),
                "'sha256' must be 64 lower-case hex digits, got '" + sha256 + "'");
        Require.that(Require.present("inputShape", inputShape).stream().allMatch(Objects::nonNull), "'inputShape' holds a null");
        inputShape = List.copyOf(inputShape);
        Require.that(inputShape.size() >= 2 && inputShape.get(0) == -1
                        && inputShape.stream().skip(1).allMatch(d -> d > 0),
                "'inputShape' must be [-1, d1, d2, ...] with -1 for the batch and positive sizes after it, got "
                        + inputShape);
        Require.that(inputShape.stream().skip(1).mapToDouble(Long::doubleValue).reduce(1, (a, b) -> a * b)
                        <= Integer.MAX_VALUE / Float.BYTES,
                "'inputShape' " + inputShape + " describes snippets too large to hold in memory");
        Require.nonBlank("architecture", architecture);
        Require.present("output", output);
        Require.present("normalisation", normalisation);
        long columns = inputShape.getLast();
        Require.that(normalisation.mean().length == 1 || normalisation.mean().length == columns,
                "normalisation has " + normalisation.mean().length + " values per array; expected 1 or "
                        + columns + " (the last axis of inputShape " + inputShape + ")");
        validationMetrics = copyOfFinite(validationMetrics);
    }

    /** The shape of one snippet: {@link #inputShape()} without the batch dimension. */
    public long[] snippetShape() {
        return inputShape.stream().skip(1).mapToLong(Long::longValue).toArray();
    }

    private static void requireRelativeInside(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'file' is not a valid path: '" + file + "'", e);
        }
        Require.that(!path.isAbsolute() && !path.normalize().startsWith("..") && !file.startsWith("/"),
                "'file' must be a path relative to the manifest's directory and stay inside it, got '" + file + "'");
    }

    private static Map<String, Double> copyOfFinite(Map<String, Double> metrics) {
        if (metrics == null) {
            return Map.of();
        }
        metrics.forEach((name, value) -> Require.that(value != null && Double.isFinite(value),
                "validation metric '" + name + "' must be a finite number, got " + value));
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
