package io.genreflow.training.dataset;

import io.genreflow.contracts.Representation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the files of a prepared dataset lie (training/DATASET_FORMAT.md, version {@value #SCHEMA_VERSION}).
 *
 * @param root the dataset folder
 */
public record DatasetLayout(Path root) {

    /** The format version written into dataset.json. */
    public static final int SCHEMA_VERSION = 1;

    /** The augmentation name of rows computed from the original audio. */
    public static final String ORIGINAL_AUDIO = "none";

    public static final List<String> TRACK_COLUMNS =
            List.of("track", "id", "path", "label", "group", "split", "fold", "duration_seconds");
    public static final List<String> SNIPPET_COLUMNS =
            List.of("row", "track", "label", "split", "fold", "augmentation", "start_sample", "silent");

    public DatasetLayout {
        Objects.requireNonNull(root, "root");
    }

    public Path description() {
        return root.resolve("dataset.json");
    }

    public Path tracks() {
        return root.resolve("tracks.csv");
    }

    public Path snippets() {
        return root.resolve("snippets.csv");
    }

    /** The folder of one representation's shards. */
    public Path representationFolder(Representation representation) {
        return root.resolve(representation.id());
    }

    /** The file of shard {@code shard} of {@code representation}. */
    public Path shard(Representation representation, int shard) {
        return representationFolder(representation).resolve(shardName(shard) + ".npy");
    }

    /** The name of shard {@code shard} as dataset.json lists it, e.g. {@code part-00007}. */
    public static String shardName(int shard) {
        if (shard < 0) {
            throw new IllegalArgumentException("shard numbers start at 0, got " + shard);
        }
        return String.format("part-%05d", shard);
    }
}
