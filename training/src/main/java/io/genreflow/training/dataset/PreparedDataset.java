package io.genreflow.training.dataset;

import com.fasterxml.jackson.core.JacksonException;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.csv.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A prepared dataset (training/DATASET_FORMAT.md) opened for scoring: its description, its tracks,
 * and where the snippet rows of each track and variant lie. The tables are read whole; the shards
 * are read row by row through {@link #openRows}.
 */
public final class PreparedDataset {

    private final DatasetLayout layout;
    private final DatasetDescription description;
    private final List<PreparedTrack> tracks;
    /** augmentation name to track index to that variant's rows. */
    private final Map<String, Map<Integer, SnippetRows>> rows;

    private PreparedDataset(DatasetLayout layout, DatasetDescription description, List<PreparedTrack> tracks,
                            Map<String, Map<Integer, SnippetRows>> rows) {
        this.layout = layout;
        this.description = description;
        this.tracks = tracks;
        this.rows = rows;
    }

    /**
     * Reads dataset.json, tracks.csv and snippets.csv of the dataset in {@code root}.
     *
     * @throws IOException when a file is missing or does not follow the format; the message names it
     */
    public static PreparedDataset open(Path root) throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        DatasetDescription description = description(layout);
        List<PreparedTrack> tracks = tracks(layout.tracks(), description.labels().size());
        long shardRows = description.shards().stream().mapToLong(DatasetDescription.Shard::rows).sum();
        return new PreparedDataset(layout, description, tracks, snippetRows(layout.snippets(), tracks.size(), shardRows));
    }

    public DatasetDescription description() {
        return description;
    }

    /** Where the dataset lies. */
    public Path root() {
        return layout.root();
    }

    /** Every prepared track, in track order. */
    public List<PreparedTrack> tracks() {
        return tracks;
    }

    /** The selected tracks, in track order. */
    public List<PreparedTrack> tracks(TrackSelection selection) {
        return tracks.stream().filter(selection::includes).toList();
    }

    /** Whether the dataset holds rows of the variant {@code augmentation}. */
    public boolean hasVariant(String augmentation) {
        return rows.containsKey(augmentation);
    }

    /** The rows of one variant of one track, if it has any. */
    public Optional<SnippetRows> rows(PreparedTrack track, String augmentation) {
        return Optional.ofNullable(rows.getOrDefault(augmentation, Map.of()).get(track.index()));
    }

    /** Opens the shards of {@code representation}; the caller closes them. */
    public ShardedRows openRows(Representation representation) throws IOException {
        requireRepresentation(representation);
        return ShardedRows.open(layout, description, representation);
    }

    /** Fails, naming what there is instead, unless the dataset was prepared with {@code representation}. */
    public void requireRepresentation(Representation representation) throws IOException {
        if (!description.representations().containsKey(representation.id())) {
            throw new IOException(layout.root() + " was prepared without " + representation.id() + "; it has "
                    + String.join(", ", description.representations().keySet()));
        }
    }

    private static DatasetDescription description(DatasetLayout layout) throws IOException {
        Path file = layout.description();
        if (!Files.isRegularFile(file)) {
            throw new IOException(layout.root() + " is not a prepared dataset: it has no dataset.json (run"
                    + " 'genreflow prepare' into it, and let it finish)");
        }
        DatasetDescription description;
        try {
            description = Json.mapper().readValue(file.toFile(), DatasetDescription.class);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a readable dataset description: " + e.getOriginalMessage(), e);
        }
        if (description.schemaVersion() != DatasetLayout.SCHEMA_VERSION) {
            throw new IOException(file + " has schemaVersion " + description.schemaVersion() + "; this genreflow reads "
                    + DatasetLayout.SCHEMA_VERSION);
        }
        if (description.labels() == null || description.features() == null || description.snippet() == null
                || description.representations() == null || description.shards() == null) {
            throw new IOException(file + " lacks labels, features, snippet, representations or shards");
        }
        return description;
    }

    private static List<PreparedTrack> tracks(Path file, int labelCount) throws IOException {
        CsvTable table = CsvTable.read(file);
        String source = file.toString();
        int track = table.column("track", source);
        int id = table.column("id", source);
        int path = table.column("path", source);
        int label = table.column("label", source);
        int split = table.column("split", source);
        int fold = table.column("fold", source);
        List<PreparedTrack> tracks = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            PreparedTrack parsed = new PreparedTrack(integer(row, track, source), row.get(id), row.get(path),
                    integer(row, label, source), split(row, split, source), integer(row, fold, source));
            if (parsed.index() != tracks.size()) {
                throw new IOException(source + " line " + row.line() + " is track " + parsed.index() + "; tracks are"
                        + " numbered 0, 1, 2, ... in file order");
            }
            if (parsed.label() < 0 || parsed.label() >= labelCount) {
                throw new IOException(source + " line " + row.line() + " has label " + parsed.label()
                        + ", outside the " + labelCount + " labels of dataset.json");
            }
            tracks.add(parsed);
        }
        return List.copyOf(tracks);
    }

    private static Map<String, Map<Integer, SnippetRows>> snippetRows(Path file, int trackCount, long shardRows)
            throws IOException {
        CsvTable table = CsvTable.read(file);
        String source = file.toString();
        if (table.rows().size() != shardRows) {
            throw new IOException(source + " lists " + table.rows().size() + " snippets but the shards of dataset.json hold "
                    + shardRows + " rows; the dataset is damaged, prepare it again");
        }
        int row = table.column("row", source);
        int track = table.column("track", source);
        int augmentation = table.column("augmentation", source);
        int silent = table.column("silent", source);
        Map<String, Map<Integer, List<CsvTable.Row>>> grouped = new LinkedHashMap<>();
        for (CsvTable.Row line : table.rows()) {
            int trackIndex = integer(line, track, source);
            if (trackIndex < 0 || trackIndex >= trackCount) {
                throw new IOException(source + " line " + line.line() + " names track " + trackIndex
                        + ", which tracks.csv does not list");
            }
            grouped.computeIfAbsent(line.get(augmentation), name -> new HashMap<>())
                    .computeIfAbsent(trackIndex, index -> new ArrayList<>())
                    .add(line);
        }
        Map<String, Map<Integer, SnippetRows>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, List<CsvTable.Row>>> variant : grouped.entrySet()) {
            Map<Integer, SnippetRows> byTrack = new HashMap<>();
            for (Map.Entry<Integer, List<CsvTable.Row>> entry : variant.getValue().entrySet()) {
                List<CsvTable.Row> lines = entry.getValue();
                long[] numbers = new long[lines.size()];
                boolean[] flags = new boolean[lines.size()];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = integer(lines.get(i), row, source);
                    flags[i] = flag(lines.get(i), silent, source);
                }
                byTrack.put(entry.getKey(), new SnippetRows(numbers, flags));
            }
            rows.put(variant.getKey(), Map.copyOf(byTrack));
        }
        return rows;
    }

    private static int integer(CsvTable.Row row, int column, String source) throws IOException {
        try {
            return Integer.parseInt(row.get(column));
        } catch (NumberFormatException e) {
            throw new IOException(source + " line " + row.line() + " has '" + row.get(column) + "' where a whole"
                    + " number belongs");
        }
    }

    private static Split split(CsvTable.Row row, int column, String source) throws IOException {
        return Split.ofId(row.get(column)).orElseThrow(() -> new IOException(source + " line " + row.line() + " has '"
                + row.get(column) + "' where a split (train, validation or test) belongs"));
    }

    private static boolean flag(CsvTable.Row row, int column, String source) throws IOException {
        return switch (row.get(column)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IOException(source + " line " + row.line() + " has '" + row.get(column)
                    + "' where 'true' or 'false' belongs");
        };
    }
}
