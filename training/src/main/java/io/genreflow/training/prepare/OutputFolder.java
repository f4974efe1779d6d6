package io.genreflow.training.prepare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.dataset.DatasetLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a dataset is prepared into, with the bookkeeping that makes a run resumable: the
 * {@link RunIdentity} it was started with and one {@link ShardRecord} per finished shard, both under
 * {@code .prepare/}. A folder started with other settings or tracks is never continued, so two runs
 * can never mix in one dataset.
 */
final class OutputFolder {

    /** Sub-folder holding the bookkeeping; trainers ignore it. */
    static final String STATE_FOLDER = ".prepare";

    private static final ObjectMapper JSON = Json.mapper();

    private final DatasetLayout layout;
    private final Path state;

    private OutputFolder(Path root) {
        this.layout = new DatasetLayout(root);
        this.state = root.resolve(STATE_FOLDER);
    }

    /**
     * Opens {@code root} for a run with {@code identity}: creates it, or continues it when an
     * earlier run with the same identity started it, and removes what an interrupted run left half-written.
     *
     * @throws PrepareException when the folder holds something else or a run with other settings
     */
    static OutputFolder open(Path root, RunIdentity identity, List<Representation> representations)
            throws IOException, PrepareException {
        OutputFolder folder = new OutputFolder(root);
        Path run = folder.state.resolve("run.json");
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new PrepareException(root + " exists and is not a folder; choose another --output");
        }
        if (Files.isRegularFile(run)) {
            folder.requireSameRun(run, identity);
        } else if (isNonEmptyFolder(root)) {
            throw new PrepareException(root + " is not empty and was not written by prepare; choose a new or empty --output folder");
        } else {
            Files.createDirectories(folder.state);
            AtomicFiles.writeBytes(run, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(identity));
        }
        for (Representation representation : representations) {
            Files.createDirectories(folder.layout.representationFolder(representation));
            deleteTemporaryFiles(folder.layout.representationFolder(representation));
        }
        deleteTemporaryFiles(folder.state);
        deleteTemporaryFiles(root);
        return folder;
    }

    DatasetLayout layout() {
        return layout;
    }

    /** Whether shard {@code shard} was finished: its record exists and so does every representation's file. */
    boolean isFinished(int shard, List<Representation> representations) {
        if (!Files.isRegularFile(recordPath(shard))) {
            return false;
        }
        return representations.stream().allMatch(representation -> Files.isRegularFile(layout.shard(representation, shard)));
    }

    ShardRecord readRecord(int shard) throws IOException {
        return JSON.readValue(recordPath(shard).toFile(), ShardRecord.class);
    }

    /** Marks the shard finished; call after its files are in place. */
    void writeRecord(ShardRecord record) throws IOException {
        AtomicFiles.writeBytes(recordPath(record.shard()), JSON.writeValueAsBytes(record));
    }

    private Path recordPath(int shard) {
        return state.resolve(DatasetLayout.shardName(shard) + ".json");
    }

    private void requireSameRun(Path run, RunIdentity identity) throws IOException, PrepareException {
        JsonNode before;
        try {
            before = JSON.readTree(run.toFile());
        } catch (JsonProcessingException e) {
            throw new PrepareException(run + " is damaged (" + e.getOriginalMessage() + "); delete " + layout.root()
                    + " or choose another --output");
        }
        // Parsed from its own text, so that numbers compare by value and not by Java type (int vs long).
        JsonNode now = JSON.readTree(JSON.writeValueAsBytes(identity));
        if (!before.equals(now)) {
            throw new PrepareException(layout.root() + " was prepared with other settings or tracks ("
                    + String.join("; ", differences(before, now)) + "); use a new --output folder, or delete this one to start over");
        }
    }

    /** The top-level fields that differ, as {@code name: before -> now}. */
    static List<String> differences(JsonNode before, JsonNode now) {
        List<String> differences = new ArrayList<>();
        List<String> names = new ArrayList<>();
        before.fieldNames().forEachRemaining(names::add);
        for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        for (String name : names) {
            JsonNode a = before.get(name);
            JsonNode b = now.get(name);
            if (a == null ? b != null : !a.equals(b)) {
                differences.add(name + ": " + a + " then, " + b + " now");
            }
        }
        return differences;
    }

    private static boolean isNonEmptyFolder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.findAny().isPresent();
        }
    }

    private static void deleteTemporaryFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> children = Files.list(folder)) {
            leftovers = children.filter(path -> path.getFileName().toString().endsWith(AtomicFiles.TEMPORARY_SUFFIX)).toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
    }
}
