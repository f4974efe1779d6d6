package io.genreflow.training.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import io.genreflow.training.npy.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardedRowsTest {

    @TempDir
    Path root;

    /** Writes chroma shards of the given row counts; global row r holds the value r. */
    private DatasetDescription writeShards(int... sizes) throws IOException {
        DatasetLayout layout = new DatasetLayout(root);
        Files.createDirectories(layout.representationFolder(Representation.CHROMA));
        List<DatasetDescription.Shard> shards = new ArrayList<>();
        int row = 0;
        for (int shard = 0; shard < sizes.length; shard++) {
            try (NpyWriter writer = NpyWriter.create(layout.shard(Representation.CHROMA, shard), 2, 3)) {
                for (int i = 0; i < sizes[shard]; i++, row++) {
                    writer.write(new float[][] {{row, row, row}, {row, row, -row}});
                }
            }
            shards.add(new DatasetDescription.Shard(DatasetLayout.shardName(shard), sizes[shard]));
        }
        return new DatasetDescription(1, List.of("a", "b"), null, null,
                Map.of("chroma", new DatasetDescription.RepresentationShape(List.of(2, 3))), null, null, List.of("none"),
                shards, List.of());
    }

    @Test
    void findsEveryGlobalRowAcrossShardsEmptyOnesIncluded() throws IOException {
        // A shard whose tracks were all skipped has no rows.
        DatasetDescription description = writeShards(2, 0, 0, 3);
        try (ShardedRows rows = ShardedRows.open(new DatasetLayout(root), description, Representation.CHROMA)) {
            assertEquals(5, rows.rows());
            for (int row = 0; row < 5; row++) {
                assertArrayEquals(new float[][] {{row, row, row}, {row, row, -row}}, rows.row(row), "row " + row);
            }
            IOException outside = assertThrows(IOException.class, () -> rows.row(5));
            assertTrue(outside.getMessage().contains("outside the shards, which hold 5 rows"), outside.getMessage());
        }
    }

    @Test
    void refusesShardsThatDisagreeWithTheDescription() throws IOException {
        DatasetDescription written = writeShards(2, 3);
        DatasetDescription claimsMore = new DatasetDescription(1, written.labels(), null, null, written.representations(),
                null, null, written.augmentations(), List.of(written.shards().get(0),
                new DatasetDescription.Shard(written.shards().get(1).name(), 4)), List.of());
        IOException mismatch = assertThrows(IOException.class,
                () -> ShardedRows.open(new DatasetLayout(root), claimsMore, Representation.CHROMA));
        assertTrue(mismatch.getMessage().contains("chroma/part-00001.npy holds an array shaped [3, 2, 3]"),
                mismatch.getMessage());
    }
}
