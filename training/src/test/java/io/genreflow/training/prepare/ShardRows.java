package io.genreflow.training.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.npy.NpyReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The rows of one representation across all shards of a prepared dataset, by global row number. */
final class ShardRows implements Closeable {

    private final List<NpyReader> readers = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();

    ShardRows(DatasetLayout layout, JsonNode description, Representation representation) throws IOException {
        long start = 0;
        for (JsonNode entry : description.get("shards")) {
            NpyReader reader = NpyReader.open(layout.representationFolder(representation).resolve(entry.get("name").asText() + ".npy"));
            readers.add(reader);
            starts.add(start);
            start += reader.rows();
        }
    }

    float[][] row(long row) throws IOException {
        int shard = readers.size() - 1;
        while (starts.get(shard) > row) {
            shard--;
        }
        return readers.get(shard).row(row - starts.get(shard));
    }

    @Override
    public void close() throws IOException {
        for (NpyReader reader : readers) {
            reader.close();
        }
    }
}
