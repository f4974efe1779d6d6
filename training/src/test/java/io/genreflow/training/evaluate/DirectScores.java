package io.genreflow.training.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.training.csv.CsvTable;
import io.genreflow.training.npy.NpyReader;
import io.genreflow.verdict.SnippetPooling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tests' oracle: snippet probabilities and pooled track scores computed straight from the
 * prepared files (snippets.csv, tracks.csv, the shards) and the classifier, without any of the
 * evaluate package's code.
 *
 * @param truth    track index to its true label
 * @param silent   track index to its snippets' silence flags
 * @param snippets representation id to track index to {@code [snippet][label]} probabilities
 */
public record DirectScores(Map<Integer, Integer> truth, Map<Integer, boolean[]> silent,
                           Map<String, Map<Integer, float[][]>> snippets) {

    /**
     * Scores the {@code augmentation} rows of the tracks whose {@code column} in tracks.csv is
     * {@code value} (e.g. split = test) with every model of {@code manifestJson}.
     */
    public static DirectScores of(Path dataset, Path manifestJson, String column, String value, String augmentation)
            throws Exception {
        CsvTable tracks = CsvTable.read(dataset.resolve("tracks.csv"));
        Map<Integer, Integer> truth = new TreeMap<>();
        for (CsvTable.Row row : tracks.rows()) {
            if (row.get(tracks.column(column, "tracks.csv")).equals(value)) {
                truth.put(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(tracks.column("label", "tracks.csv"))));
            }
        }
        CsvTable snippets = CsvTable.read(dataset.resolve("snippets.csv"));
        Map<Integer, List<Long>> rows = new TreeMap<>();
        Map<Integer, List<Boolean>> flags = new TreeMap<>();
        for (CsvTable.Row row : snippets.rows()) {
            int track = Integer.parseInt(row.get(1));
            if (truth.containsKey(track) && row.get(5).equals(augmentation)) {
                rows.computeIfAbsent(track, t -> new ArrayList<>()).add(Long.parseLong(row.get(0)));
                flags.computeIfAbsent(track, t -> new ArrayList<>()).add(Boolean.parseBoolean(row.get(7)));
            }
        }
        Map<Integer, boolean[]> silent = new TreeMap<>();
        flags.forEach((track, list) -> {
            boolean[] mask = new boolean[list.size()];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = list.get(i);
            }
            silent.put(track, mask);
        });
        ModelManifest manifest = ModelManifest.load(manifestJson);
        JsonNode shards = Json.mapper().readTree(dataset.resolve("dataset.json").toFile()).get("shards");
        Map<String, Map<Integer, float[][]>> probabilities = new LinkedHashMap<>();
        for (String id : manifest.representations().keySet()) {
            Representation representation = Representation.fromId(id);
            Map<Integer, float[][]> perTrack = new TreeMap<>();
            try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifestJson, representation,
                    OnnxSnippetClassifier.Options.defaults())) {
                for (Map.Entry<Integer, List<Long>> track : rows.entrySet()) {
                    float[][][] batch = new float[track.getValue().size()][][];
                    for (int i = 0; i < batch.length; i++) {
                        batch[i] = row(dataset.resolve(id), shards, track.getValue().get(i));
                        manifest.model(representation).normalisation().apply(batch[i]);
                    }
                    perTrack.put(track.getKey(), classifier.classify(batch));
                }
            }
            probabilities.put(id, perTrack);
        }
        truth.keySet().retainAll(rows.keySet());
        return new DirectScores(truth, silent, probabilities);
    }

    /** Track index to the representation's pooled score, silent snippets left out. */
    public Map<Integer, double[]> trackScores(String representation) {
        Map<Integer, double[]> scores = new TreeMap<>();
        snippets.get(representation).forEach((track, rows) -> scores.put(track, SnippetPooling.mean(rows, silent.get(track))));
        return scores;
    }

    /** The true labels in track order. */
    public int[] labels() {
        return truth.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[][] row(Path folder, JsonNode shards, long row) throws Exception {
        long start = 0;
        for (JsonNode shard : shards) {
            long rows = shard.get("rows").asLong();
            if (row < start + rows) {
                try (NpyReader reader = NpyReader.open(folder.resolve(shard.get("name").asText() + ".npy"))) {
                    return reader.row(row - start);
                }
            }
            start += rows;
        }
        throw new IllegalArgumentException("row " + row + " is in no shard");
    }
}
