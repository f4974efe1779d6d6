package io.genreflow.training.dataset;

import io.genreflow.contracts.Representation;
import io.genreflow.training.npy.NpyReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one representation across all shards of a prepared dataset, addressed by global
 * row number (the line of snippets.csv), read one at a time as floats.
 */
public final class ShardedRows implements Closeable {

    private final List<NpyReader> shards;
    /** First global row of each shard, plus the total row count at the end. */
    private final long[] starts;

    private ShardedRows(List<NpyReader> shards, long[] starts) {
        this.shards = shards;
        this.starts = starts;
    }

    static ShardedRows open(DatasetLayout layout, DatasetDescription description, Representation representation)
            throws IOException {
        List<Integer> shape = description.representations().get(representation.id()).shape();
        List<NpyReader> readers = new ArrayList<>();
        long[] starts = new long[description.shards().size() + 1];
        try {
            for (int i = 0; i < description.shards().size(); i++) {
                DatasetDescription.Shard shard = description.shards().get(i);
                NpyReader reader = NpyReader.open(layout.representationFolder(representation).resolve(shard.name() + ".npy"));
                readers.add(reader);
                long[] actual = reader.header().shape();
                if (actual[0] != shard.rows() || actual[1] != shape.get(0) || actual[2] != shape.get(1)) {
                    throw new IOException(representation.id() + "/" + shard.name() + ".npy holds an array shaped "
                            + Arrays.toString(actual) + "; dataset.json promises " + shard.rows() + " rows of " + shape);
                }
                starts[i + 1] = starts[i] + reader.rows();
            }
        } catch (IOException | RuntimeException e) {
            closeAll(readers, e);
            throw e;
        }
        return new ShardedRows(List.copyOf(readers), starts);
    }

    /** Rows in all shards together. */
    public long rows() {
        return starts[starts.length - 1];
    }

    /** Global row {@code row} as {@code [steps][features]}. */
    public float[][] row(long row) throws IOException {
        if (row < 0 || row >= rows()) {
            throw new IOException("row " + row + " is outside the shards, which hold " + rows() + " rows;"
                    + " snippets.csv and the shards disagree");
        }
        int found = Arrays.binarySearch(starts, row);
        // An exact hit is a shard's first row (a later empty shard shares the start, so take the last);
        // otherwise the insertion point is one past the shard that holds the row.
        int shard = found >= 0 ? lastShardStartingAt(found) : -found - 2;
        return shards.get(shard).row(row - starts[shard]);
    }

    private int lastShardStartingAt(int index) {
        int shard = index;
        while (shard + 1 < shards.size() && starts[shard + 1] == starts[shard]) {
            shard++;
        }
        return shard;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (NpyReader reader : shards) {
            try {
                reader.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeAll(List<NpyReader> readers, Exception failure) {
        for (NpyReader reader : readers) {
            try {
                reader.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
