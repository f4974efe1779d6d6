package io.genreflow.training.baseline;

import io.genreflow.features.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.csv.CsvTable;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.Split;
import io.genreflow.training.npy.NpyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a prepared dataset (training/DATASET_FORMAT.md) into {@link TrackSummaries}: one pass over
 * each chosen representation's shards, adding every original-audio row to its track's moments.
 * Augmented rows are left out: they are variants made for training the networks, and the
 * statistics must describe the audio itself. Silent snippets count like any other, since a quiet
 * passage is part of what a track sounds like.
 */
final class TrackSummaryReader {

    private TrackSummaryReader() {
    }

    /** The description in {@code dataset.json}, or an error saying why the folder is no finished prepared dataset. */
    static DatasetDescription description(DatasetLayout layout) throws IOException {
        if (!Files.isRegularFile(layout.description())) {
            throw new IOException(layout.root() + " has no dataset.json: it is not a prepared dataset, or its"
                    + " prepare run has not finished (run genreflow prepare first)");
        }
        return Json.mapper().readValue(layout.description().toFile(), DatasetDescription.class);
    }

    /**
     * Summarises every track of the dataset at {@code layout} in each of {@code representations}.
     *
     * @param description the dataset's {@link #description}
     * @param progress    told after each representation is read
     */
    static TrackSummaries read(DatasetLayout layout, DatasetDescription description, List<Representation> representations,
                               Progress progress) throws IOException {
        for (Representation representation : representations) {
            if (!description.representations().containsKey(representation.id())) {
                throw new IOException(layout.root() + " was prepared without " + representation.id() + "; it has "
                        + String.join(", ", description.representations().keySet()));
            }
        }
        List<TrackSummaries.Track> tracks = tracks(layout, description.labels().size());
        int[] originalRowTrack = originalRowTracks(layout, tracks.size(), description);
        Map<Representation, double[][]> summaries = new EnumMap<>(Representation.class);
        for (Representation representation : representations) {
            summaries.put(representation, summarise(layout, description, representation, originalRowTrack, tracks.size()));
            progress.representationRead(representation);
        }
        return new TrackSummaries(description.labels(), description.splits().folds(), tracks, summaries);
    }

    /** Told as the slow part, reading the shards, goes along. */
    interface Progress {
        void representationRead(Representation representation);
    }

    private static List<TrackSummaries.Track> tracks(DatasetLayout layout, int labelCount) throws IOException {
        CsvTable table = CsvTable.read(layout.tracks());
        String source = layout.tracks().toString();
        int trackColumn = table.column("track", source);
        int labelColumn = table.column("label", source);
        int splitColumn = table.column("split", source);
        int foldColumn = table.column("fold", source);
        List<TrackSummaries.Track> tracks = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            if (integer(row, trackColumn, source) != tracks.size()) {
                throw new IOException(source + " line " + row.line() + ": tracks must be numbered 0, 1, 2, ... in order");
            }
            int label = integer(row, labelColumn, source);
            if (label < 0 || label >= labelCount) {
                throw new IOException(source + " line " + row.line() + ": label " + label + " is not one of the "
                        + labelCount + " labels of dataset.json");
            }
            tracks.add(new TrackSummaries.Track(label, split(row, splitColumn, source), integer(row, foldColumn, source)));
        }
        return tracks;
    }

    /** For every shard row, the track it belongs to if it is original audio, else -1. */
    private static int[] originalRowTracks(DatasetLayout layout, int trackCount, DatasetDescription description)
            throws IOException {
        CsvTable table = CsvTable.read(layout.snippets());
        String source = layout.snippets().toString();
        long shardRows = description.shards().stream().mapToLong(DatasetDescription.Shard::rows).sum();
        if (table.rows().size() != shardRows) {
            throw new IOException(source + " lists " + table.rows().size() + " snippets but the shards of dataset.json hold "
                    + shardRows + " rows; the dataset is damaged, prepare it again");
        }
        int trackColumn = table.column("track", source);
        int augmentationColumn = table.column("augmentation", source);
        int[] trackOfRow = new int[table.rows().size()];
        boolean[] hasOriginal = new boolean[trackCount];
        for (int r = 0; r < trackOfRow.length; r++) {
            CsvTable.Row row = table.rows().get(r);
            int track = integer(row, trackColumn, source);
            if (track < 0 || track >= trackCount) {
                throw new IOException(source + " line " + row.line() + ": track " + track + " is not in tracks.csv");
            }
            boolean original = row.get(augmentationColumn).equals(DatasetLayout.ORIGINAL_AUDIO);
            trackOfRow[r] = original ? track : -1;
            hasOriginal[track] |= original;
        }
        for (int track = 0; track < trackCount; track++) {
            if (!hasOriginal[track]) {
                throw new IOException(source + " has no original-audio ('" + DatasetLayout.ORIGINAL_AUDIO
                        + "') snippet of track " + track + "; the dataset is damaged, prepare it again");
            }
        }
        return trackOfRow;
    }

    private static double[][] summarise(DatasetLayout layout, DatasetDescription description, Representation representation,
                                        int[] originalRowTrack, int trackCount) throws IOException {
        int columns = description.representations().get(representation.id()).shape().get(1);
        ColumnMoments[] moments = new ColumnMoments[trackCount];
        for (int track = 0; track < trackCount; track++) {
            moments[track] = new ColumnMoments(columns);
        }
        int row = 0;
        for (DatasetDescription.Shard shard : description.shards()) {
            Path file = layout.representationFolder(representation).resolve(shard.name() + ".npy");
            try (NpyReader reader = NpyReader.open(file)) {
                if (reader.rows() != shard.rows()) {
                    throw new IOException(file + " holds " + reader.rows() + " rows, dataset.json says " + shard.rows());
                }
                for (long local = 0; local < reader.rows(); local++, row++) {
                    if (originalRowTrack[row] >= 0) {
                        moments[originalRowTrack[row]].add(reader.row(local));
                    }
                }
            }
        }
        double[][] summaries = new double[trackCount][];
        for (int track = 0; track < trackCount; track++) {
            summaries[track] = moments[track].meanThenStd();
        }
        return summaries;
    }

    private static int integer(CsvTable.Row row, int column, String source) throws IOException {
        try {
            return Integer.parseInt(row.get(column).strip());
        } catch (NumberFormatException e) {
            throw new IOException(source + " line " + row.line() + ": '" + row.get(column) + "' is not a whole number");
        }
    }

    private static Split split(CsvTable.Row row, int column, String source) throws IOException {
        for (Split split : Split.values()) {
            if (split.id().equals(row.get(column))) {
                return split;
            }
        }
        throw new IOException(source + " line " + row.line() + ": '" + row.get(column) + "' is not a split (train,"
                + " validation or test)");
    }
}
