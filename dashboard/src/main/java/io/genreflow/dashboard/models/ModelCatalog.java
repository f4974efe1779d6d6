package io.genreflow.dashboard.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.dashboard.charts.ConfusionHeatmap;
import io.genreflow.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the model manifest and the evaluation shipped beside it into a {@link ModelsView}. Both
 * are read-only files deployed with the models, so the view is built once.
 */
public final class ModelCatalog {

    private final ModelsView view;

    private ModelCatalog(ModelsView view) {
        this.view = view;
    }

    /**
     * Reads {@code manifest} and, if it exists, {@code evaluation}.
     *
     * @throws IOException when the manifest cannot be read or is not JSON
     */
    public static ModelCatalog load(Path manifest, Path evaluation) throws IOException {
        JsonNode m = Json.mapper().readTree(manifest.toFile());
        Optional<JsonNode> e = Files.isRegularFile(evaluation)
                ? Optional.of(Json.mapper().readTree(evaluation.toFile())) : Optional.empty();
        return new ModelCatalog(view(m, e));
    }

    /** The view. */
    public ModelsView view() {
        return view;
    }

    private static ModelsView view(JsonNode m, Optional<JsonNode> evaluation) {
        List<String> labels = strings(m.path("labels"));
        Optional<JsonNode> results = evaluation.map(e -> e.path("variants").path("none"));
        List<ModelsView.RepresentationView> representations = new ArrayList<>();
        m.path("representations").properties().forEach(entry -> {
            String id = entry.getKey();
            JsonNode r = entry.getValue();
            JsonNode chosen = m.path("selection").path(id).path("chosen");
            representations.add(new ModelsView.RepresentationView(id, r.path("architecture").asText(null),
                    chosen.has("parameters") ? chosen.get("parameters").asLong() : null,
                    ints(r.path("inputShape")), doubles(r.path("validationMetrics")),
                    results.map(n -> evaluation(n.path("representations").path(id).path("track"), labels))
                            .orElse(null)));
        });
        JsonNode ensemble = m.path("ensemble");
        String strategy = ensemble.path("strategy").asText("MEAN");
        Map<String, Integer> counts = new LinkedHashMap<>();
        m.path("trainingData").path("trackCounts").properties()
                .forEach(c -> counts.put(c.getKey(), c.getValue().asInt()));
        return new ModelsView(m.path("modelVersion").asText(), labels, strategy,
                m.path("calibration").path("reason").asText(null),
                weights(strategy, ensemble, representations.stream().map(ModelsView.RepresentationView::id).toList(),
                        labels.size()),
                m.path("trainingData").path("dataset").asText(null), counts, representations,
                results.map(n -> evaluation(n.path("ensemble").path("track"), labels)).orElse(null),
                evaluation.map(e -> e.path("selection").path("split").asText(null)).orElse(null));
    }

    /**
     * Each representation's share of every label's score: equal for MEAN; for selective
     * activation its reliability over the sum of the active ones'; none for stacking, whose
     * meta-classifier mixes scores in ways no single share describes.
     */
    private static Map<String, List<Double>> weights(String strategy, JsonNode ensemble, List<String> ids, int labels) {
        Map<String, List<Double>> weights = new LinkedHashMap<>();
        switch (strategy) {
            case "MEAN" -> ids.forEach(id -> weights.put(id, Collections.nCopies(labels, 1.0 / ids.size())));
            case "SELECTIVE_ACTIVATION" -> {
                JsonNode reliability = ensemble.path("reliability");
                for (int c = 0; c < labels; c++) {
                    double sum = 0;
                    for (String id : ids) {
                        sum += reliability.path(id).path(c).asDouble(0);
                    }
                    for (String id : ids) {
                        double share = sum == 0 ? 0 : reliability.path(id).path(c).asDouble(0) / sum;
                        weights.computeIfAbsent(id, k -> new ArrayList<>()).add(share);
                    }
                }
            }
            default -> { }
        }
        return weights;
    }

    private static ModelsView.Evaluation evaluation(JsonNode track, List<String> labels) {
        if (track.isMissingNode()) {
            return null;
        }
        List<List<Integer>> confusion = new ArrayList<>();
        track.path("confusion").forEach(row -> confusion.add(ints(row)));
        return new ModelsView.Evaluation(track.path("accuracy").asDouble(), track.path("balancedAccuracy").asDouble(),
                track.path("macroF1").asDouble(), confusion, ConfusionHeatmap.cells(labels, confusion));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static Map<String, Double> doubles(JsonNode object) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }
}
