package io.genreflow.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.snippets.SnippetParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything serving needs to know about a trained model, read from {@code manifest.json} beside the
 * ONNX files: nothing about a model is hard-coded elsewhere.
 *
 * <p>{@code schemaVersion} is the major version of this format: fields may be added without changing
 * it (readers ignore unknown fields), and a reader refuses any version it does not know.
 *
 * @param schemaVersion        format version; this release reads {@value #SCHEMA_VERSION}
 * @param modelVersion         identifies the trained model set, recorded in every verdict
 * @param labels               genre names in the order of every model's output columns
 * @param sampleRate           the models' audio sample rate in Hz (equal to {@code features.sampleRate})
 * @param snippets             how tracks are cut into snippets (length, hop, silence threshold)
 * @param features             parameters of the time-frequency representations
 * @param representations      representation id (see {@link Representation#id()}) to its model
 * @param ensemble             how per-representation track scores are combined
 * @param trainingData         provenance of the training data
 */
public record ModelManifest(
        int schemaVersion,
        String modelVersion,
        List<String> labels,
        int sampleRate,
        SnippetParams snippets,
        FeatureParams features,
        Map<String, RepresentationModel> representations,
        EnsembleSpec ensemble,
        TrainingData trainingData) {

    /** The manifest format version this release reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** Where a deployment keeps its manifest, relative to its working folder ({@code /var/task} on Lambda). */
    public static final String DEFAULT_PATH = "models/manifest.json";

    public ModelManifest {
        Require.that(schemaVersion == SCHEMA_VERSION, unsupportedSchema(schemaVersion));
        Require.nonBlank("modelVersion", modelVersion);
        labels = uniqueLabels(labels);
        Require.that(sampleRate > 0, "'sampleRate' must be positive, got " + sampleRate);
        Require.present("snippets", snippets);
        Require.present("features", features);
        Require.that(features.sampleRate() == sampleRate, "'features.sampleRate' (" + features.sampleRate()
                + ") differs from 'sampleRate' (" + sampleRate + ")");
        representations = knownRepresentations(representations);
        requireEnsembleFits(Require.present("ensemble", ensemble), labels.size(), representations.keySet());
        Require.present("trainingData", trainingData);
    }

    /**
     * Reads and validates a manifest and checks that every model file it names exists beside it with
     * the recorded SHA-256. Use {@link #read(Path)} where the model files are not deployed.
     */
    public static ModelManifest load(Path manifestJson) throws ModelException {
        ModelManifest manifest = read(manifestJson);
        Path directory = ModelFiles.directoryOf(manifestJson);
        for (Map.Entry<String, RepresentationModel> entry : manifest.representations.entrySet()) {
            ModelFiles.verified(directory, entry.getKey(), entry.getValue());
        }
        return manifest;
    }

    /** Reads and validates a manifest file without touching the model files it names. */
    public static ModelManifest read(Path manifestJson) throws ModelException {
        try (InputStream in = Files.newInputStream(manifestJson)) {
            return parse(in, manifestJson.toString());
        } catch (NoSuchFileException e) {
            throw new ModelException(ModelException.Reason.MANIFEST_UNREADABLE,
                    "model manifest not found: " + manifestJson.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new ModelException(ModelException.Reason.MANIFEST_UNREADABLE,
                    "cannot read model manifest " + manifestJson.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates a manifest (e.g. one packaged as a class-path resource).
     *
     * @param source names the manifest in error messages, e.g. its path
     */
    public static ModelManifest parse(InputStream json, String source) throws ModelException {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            requireKnownSchema(tree, source);
            return Json.mapper().treeToValue(tree, ModelManifest.class);
        } catch (JsonMappingException e) {
            throw new ModelException(ModelException.Reason.INVALID_MANIFEST,
                    source + ": invalid manifest" + at(e) + ": " + problem(e), e);
        } catch (JacksonException e) {
            throw new ModelException(ModelException.Reason.INVALID_MANIFEST,
                    source + ": not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelException(ModelException.Reason.MANIFEST_UNREADABLE,
                    "cannot read model manifest " + source + ": " + e.getMessage(), e);
        }
    }

    /** This manifest's model for a representation. */
    public RepresentationModel model(Representation representation) throws ModelException {
        RepresentationModel model = representations.get(representation.id());
        if (model == null) {
            throw new ModelException(ModelException.Reason.MISSING_REPRESENTATION,
                    "model set " + modelVersion + " has no model for representation '" + representation.id()
                            + "' (it has " + representations.keySet() + ")");
        }
        return model;
    }

    private static void requireKnownSchema(JsonNode tree, String source) throws ModelException {
        if (tree == null || !tree.isObject()) {
            throw new ModelException(ModelException.Reason.INVALID_MANIFEST,
                    source + ": a model manifest must be a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()) {
            throw new ModelException(ModelException.Reason.INVALID_MANIFEST,
                    source + ": 'schemaVersion' must be an integer, got " + version);
        }
        if (version.intValue() != SCHEMA_VERSION) {
            throw new ModelException(ModelException.Reason.UNSUPPORTED_SCHEMA_VERSION,
                    source + ": " + unsupportedSchema(version.intValue()));
        }
    }

    private static String unsupportedSchema(int version) {
        return "manifest schemaVersion " + version + " is not supported: this genreflow reads schemaVersion "
                + SCHEMA_VERSION + "; run a genreflow release made for that model, or re-export the model";
    }

    private static List<String> uniqueLabels(List<String> labels) {
        Require.that(Require.present("labels", labels).size() > 0, "'labels' must name at least one genre");
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            Require.that(label != null && !label.isBlank(), "'labels' holds a blank label: " + labels);
            Require.that(seen.add(label), "'labels' lists '" + label + "' more than once: " + labels);
        }
        return List.copyOf(labels);
    }

    private static Map<String, RepresentationModel> knownRepresentations(Map<String, RepresentationModel> models) {
        Require.that(Require.present("representations", models).size() > 0,
                "'representations' must hold at least one model");
        models.forEach((id, model) -> {
            Representation.fromId(id);
            Require.present("representations." + id, model);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The spec checks its own consistency; here it must also fit this manifest's labels and models. */
    private static void requireEnsembleFits(EnsembleSpec ensemble, int labelCount, Set<String> representations) {
        Map<String, double[]> reliability = ensemble.reliability() == null ? Map.of() : ensemble.reliability();
        requireKnown("ensemble.reliability", reliability.keySet(), representations);
        reliability.forEach((id, weights) -> Require.that(weights.length == labelCount,
                "'ensemble.reliability." + id + "' must hold one weight per label (" + labelCount + ")"));
        EnsembleSpec.StackingSpec stacking = ensemble.stacking();
        if (stacking != null) {
            requireKnown("ensemble.stacking.inputs", stacking.inputs(), representations);
            Require.that(stacking.labelCount() == labelCount, "'ensemble.stacking' scores "
                    + stacking.labelCount() + " labels but the manifest has " + labelCount);
        }
    }

    private static void requireKnown(String field, Collection<String> referenced, Set<String> representations) {
        Set<String> unknown = referenced.stream()
                .filter(id -> !representations.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        Require.that(unknown.isEmpty(), "'" + field + "' refers to " + unknown
                + " but 'representations' only has models for " + representations);
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The validation message a record constructor threw, or else Jackson's description. */
    private static String problem(JsonMappingException e) {
        Throwable cause = e.getCause();
        return cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
    }
}
