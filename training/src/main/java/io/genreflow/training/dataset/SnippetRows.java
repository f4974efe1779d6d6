package io.genreflow.training.dataset;

/**
 * Where the snippets of one variant of one track lie in the shards, in start order.
 *
 * @param rows   global row numbers (line numbers of snippets.csv, counted from 0)
 * @param silent per row, whether the snippet was flagged silent
 */
public record SnippetRows(long[] rows, boolean[] silent) {

    public SnippetRows {
        if (rows.length == 0 || rows.length != silent.length) {
            throw new IllegalArgumentException("a track variant has at least one snippet and one silence flag per"
                    + " snippet, got " + rows.length + " rows and " + silent.length + " flags");
        }
        rows = rows.clone();
        silent = silent.clone();
    }

    @Override
    public long[] rows() {
        return rows.clone();
    }

    @Override
    public boolean[] silent() {
        return silent.clone();
    }

    public int size() {
        return rows.length;
    }
}
