package io.genreflow.training.baseline;

import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.Split;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prepared tracks as the baseline sees them: where each track belongs, and per representation
 * one summary row per track (column means, then column standard deviations, over all frames of the
 * track's original-audio snippets).
 *
 * @param labelNames the dataset's labels; a track's label is a position here
 * @param folds      the number of cross-validation folds the dataset was prepared with
 * @param tracks     the tracks in track order
 * @param summaries  per representation, row {@code i} summarises track {@code i}
 */
record TrackSummaries(List<String> labelNames, int folds, List<Track> tracks, Map<Representation, double[][]> summaries) {

    /**
     * One prepared track.
     *
     * @param label its label index
     * @param split the split it belongs to
     * @param fold  its cross-validation fold
     */
    record Track(int label, Split split, int fold) {

        Track {
            Objects.requireNonNull(split, "split");
        }
    }

    TrackSummaries {
        labelNames = List.copyOf(labelNames);
        tracks = List.copyOf(tracks);
        summaries = new EnumMap<>(summaries);
        for (Map.Entry<Representation, double[][]> entry : summaries.entrySet()) {
            if (entry.getValue().length != tracks.size()) {
                throw new IllegalArgumentException(entry.getKey().id() + " summarises " + entry.getValue().length
                        + " tracks, there are " + tracks.size());
            }
        }
    }

    /** Each track's label index, in track order. */
    int[] labels() {
        return tracks.stream().mapToInt(Track::label).toArray();
    }

    /** Each track's summary rows of {@code representations} concatenated in that order: the baseline's input. */
    double[][] features(List<Representation> representations) {
        int width = 0;
        for (Representation representation : representations) {
            width += summary(representation)[0].length;
        }
        double[][] features = new double[tracks.size()][width];
        for (int i = 0; i < tracks.size(); i++) {
            int offset = 0;
            for (Representation representation : representations) {
                double[] row = summary(representation)[i];
                System.arraycopy(row, 0, features[i], offset, row.length);
                offset += row.length;
            }
        }
        return features;
    }

    private double[][] summary(Representation representation) {
        double[][] rows = summaries.get(representation);
        if (rows == null) {
            throw new IllegalArgumentException("no " + representation.id() + " summaries; there are " + summaries.keySet());
        }
        return rows;
    }
}
