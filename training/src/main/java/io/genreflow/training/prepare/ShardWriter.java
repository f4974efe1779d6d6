package io.genreflow.training.prepare;

import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.npy.NpyWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes one shard: a float16 {@code .npy} file per representation, row by row, under temporary
 * names until {@link #commit} renames them all. Closing an uncommitted writer deletes its files,
 * so a shard never appears half-written.
 */
final class ShardWriter implements Closeable {

    private final Map<Representation, NpyWriter> writers = new EnumMap<>(Representation.class);
    private final Map<Representation, Path> targets = new EnumMap<>(Representation.class);
    private boolean finished;

    private ShardWriter() {
    }

    /**
     * Starts shard {@code shard} of {@code layout}.
     *
     * @param shapes {@code {steps, features}} of a row of each representation to write
     */
    static ShardWriter start(DatasetLayout layout, int shard, Map<Representation, int[]> shapes) throws IOException {
        ShardWriter writer = new ShardWriter();
        try {
            for (Map.Entry<Representation, int[]> entry : shapes.entrySet()) {
                Path target = layout.shard(entry.getKey(), shard);
                int[] shape = entry.getValue();
                writer.targets.put(entry.getKey(), target);
                writer.writers.put(entry.getKey(), NpyWriter.create(AtomicFiles.temporary(target), shape[0], shape[1]));
            }
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /** Appends one snippet's row to every representation's file. */
    void write(Map<Representation, float[][]> features) throws IOException {
        for (Map.Entry<Representation, NpyWriter> entry : writers.entrySet()) {
            float[][] row = features.get(entry.getKey());
            if (row == null) {
                throw new IllegalArgumentException("no " + entry.getKey().id() + " features for the row");
            }
            entry.getValue().write(row);
        }
    }

    /** Completes every file and moves it to its final name. */
    void commit() throws IOException {
        for (NpyWriter writer : writers.values()) {
            writer.close();
        }
        for (Map.Entry<Representation, Path> entry : targets.entrySet()) {
            AtomicFiles.commit(AtomicFiles.temporary(entry.getValue()), entry.getValue());
        }
        finished = true;
    }

    /** Abandons an uncommitted shard, deleting its temporary files. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        IOException failure = null;
        for (Map.Entry<Representation, Path> entry : targets.entrySet()) {
            try {
                NpyWriter writer = writers.get(entry.getKey());
                if (writer != null) {
                    writer.close();
                }
                Files.deleteIfExists(AtomicFiles.temporary(entry.getValue()));
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
