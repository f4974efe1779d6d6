package io.genreflow.training.baseline;

import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.PreparedDataset;
import io.genreflow.training.dataset.PreparedTrack;
import io.genreflow.training.dataset.ShardedRows;
import io.genreflow.training.dataset.SnippetRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a prepared dataset into {@link TrackSummaries}: per chosen representation, the
 * moments of every track's original-audio rows. Augmented rows are left out: they are variants
 * made for training the networks, and the statistics must describe the audio itself. Silent
 * snippets count like any other, since a quiet passage is part of what a track sounds like.
 */
final class TrackSummaryReader {

    private TrackSummaryReader() {
    }

    /**
     * Summarises every track of {@code dataset} in each of {@code representations}.
     *
     * @param progress told after each representation is read
     */
    static TrackSummaries read(PreparedDataset dataset, List<Representation> representations, Progress progress)
            throws IOException {
        for (Representation representation : representations) {
            dataset.requireRepresentation(representation);
        }
        List<SnippetRows> originals = originalRows(dataset);
        Map<Representation, double[][]> summaries = new EnumMap<>(Representation.class);
        for (Representation representation : representations) {
            summaries.put(representation, summarise(dataset, representation, originals));
            progress.representationRead(representation);
        }
        List<TrackSummaries.Track> tracks = dataset.tracks().stream()
                .map(track -> new TrackSummaries.Track(track.label(), track.split(), track.fold()))
                .toList();
        return new TrackSummaries(dataset.description().labels(), dataset.description().splits().folds(), tracks,
                summaries);
    }

    /** Told as the slow part, reading the shards, goes along. */
    interface Progress {
        void representationRead(Representation representation);
    }

    /** Each track's original-audio rows, in track order. */
    private static List<SnippetRows> originalRows(PreparedDataset dataset) throws IOException {
        List<SnippetRows> originals = new ArrayList<>(dataset.tracks().size());
        for (PreparedTrack track : dataset.tracks()) {
            originals.add(dataset.rows(track, DatasetLayout.ORIGINAL_AUDIO).orElseThrow(() -> new IOException(
                    dataset.root() + " has no original-audio ('" + DatasetLayout.ORIGINAL_AUDIO + "') snippet of track "
                            + track.index() + "; the dataset is damaged, prepare it again")));
        }
        return originals;
    }

    private static double[][] summarise(PreparedDataset dataset, Representation representation,
                                        List<SnippetRows> originals) throws IOException {
        int columns = dataset.description().representations().get(representation.id()).shape().get(1);
        double[][] summaries = new double[originals.size()][];
        try (ShardedRows shards = dataset.openRows(representation)) {
            for (int track = 0; track < summaries.length; track++) {
                ColumnMoments moments = new ColumnMoments(columns);
                for (long row : originals.get(track).rows()) {
                    moments.add(shards.row(row));
                }
                summaries[track] = moments.meanThenStd();
            }
        }
        return summaries;
    }
}
