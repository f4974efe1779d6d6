package io.genreflow.training.baseline;

import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.Normalisation;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.csv.CsvLines;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.Split;
import io.genreflow.training.npy.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small prepared datasets in the format of training/DATASET_FORMAT.md with feature values
 * the test chooses, so the baseline can be checked on data whose answer is known. Each track has
 * {@link #SNIPPETS} original snippets and as many of a {@code gain} variant.
 */
final class PreparedDatasetFixture {

    static final int SNIPPETS = 2;
    static final int FRAMES = 4;
    static final String AUGMENTED = "gain";
    private static final int TRACKS_PER_SHARD = 3;

    /** One track: where it belongs. */
    record Track(int label, Split split, int fold) {
    }

    /** The frames of one snippet of one track and variant. */
    interface Frames {
        float[][] of(Representation representation, int track, boolean augmented, int snippet);
    }

    private PreparedDatasetFixture() {
    }

    /**
     * Writes the dataset into {@code root}.
     *
     * @param widths feature columns of each representation to write
     */
    static DatasetLayout write(Path root, List<String> labels, List<Track> tracks, int folds,
                               Map<Representation, Integer> widths, Frames frames) throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        List<DatasetDescription.Shard> shards = new ArrayList<>();
        StringBuilder snippetLines = new StringBuilder(CsvLines.line(DatasetLayout.SNIPPET_COLUMNS));
        StringBuilder trackLines = new StringBuilder(CsvLines.line(DatasetLayout.TRACK_COLUMNS));
        Map<String, Integer> counts = new LinkedHashMap<>();
        int row = 0;
        for (int shard = 0; shard * TRACKS_PER_SHARD < tracks.size(); shard++) {
            int first = shard * TRACKS_PER_SHARD;
            int last = Math.min(tracks.size(), first + TRACKS_PER_SHARD);
            for (Map.Entry<Representation, Integer> entry : widths.entrySet()) {
                Files.createDirectories(layout.representationFolder(entry.getKey()));
                try (NpyWriter writer = NpyWriter.create(layout.shard(entry.getKey(), shard), FRAMES, entry.getValue())) {
                    for (int track = first; track < last; track++) {
                        for (boolean augmented : new boolean[] {false, true}) {
                            for (int snippet = 0; snippet < SNIPPETS; snippet++) {
                                writer.write(frames.of(entry.getKey(), track, augmented, snippet));
                            }
                        }
                    }
                }
            }
            for (int track = first; track < last; track++) {
                Track t = tracks.get(track);
                for (String augmentation : List.of(DatasetLayout.ORIGINAL_AUDIO, AUGMENTED)) {
                    for (int snippet = 0; snippet < SNIPPETS; snippet++) {
                        snippetLines.append(CsvLines.line(List.of(Integer.toString(row++), Integer.toString(track),
                                Integer.toString(t.label()), t.split().id(), Integer.toString(t.fold()), augmentation,
                                Integer.toString(snippet * 22050), "false")));
                    }
                }
            }
            shards.add(new DatasetDescription.Shard(DatasetLayout.shardName(shard), (long) (last - first) * 2 * SNIPPETS));
        }
        for (int track = 0; track < tracks.size(); track++) {
            Track t = tracks.get(track);
            trackLines.append(CsvLines.line(List.of(Integer.toString(track), String.format("%016x", track),
                    labels.get(t.label()) + "/" + track + ".wav", Integer.toString(t.label()), "", t.split().id(),
                    Integer.toString(t.fold()), "3.000")));
            counts.merge(t.split().id(), 1, Integer::sum);
        }
        Files.writeString(layout.tracks(), trackLines);
        Files.writeString(layout.snippets(), snippetLines);
        Map<String, DatasetDescription.RepresentationShape> shapes = new LinkedHashMap<>();
        Map<String, Normalisation> normalisation = new LinkedHashMap<>();
        widths.forEach((representation, width) -> {
            shapes.put(representation.id(), new DatasetDescription.RepresentationShape(List.of(FRAMES, width)));
            double[] ones = new double[width];
            Arrays.fill(ones, 1);
            normalisation.put(representation.id(), new Normalisation(new double[width], ones));
        });
        DatasetDescription description = new DatasetDescription(DatasetLayout.SCHEMA_VERSION, labels,
                FeatureParams.defaults(), new DatasetDescription.SnippetSettings(3, 1, -60), shapes, normalisation,
                new DatasetDescription.SplitSettings(42, 0.15, 0.15, folds, null, counts),
                List.of(DatasetLayout.ORIGINAL_AUDIO, AUGMENTED), shards, List.of());
        Json.mapper().writeValue(layout.description().toFile(), description);
        return layout;
    }

    /**
     * {@code count} tracks with labels cycling through {@code labelCount} and folds cycling within
     * each label; of every five tracks, the fourth is in validation and the fifth in test.
     */
    static List<Track> tracks(int count, int labelCount, int folds) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Split split = i % 5 == 4 ? Split.TEST : i % 5 == 3 ? Split.VALIDATION : Split.TRAIN;
            tracks.add(new Track(i % labelCount, split, (i / labelCount) % folds));
        }
        return tracks;
    }
}
