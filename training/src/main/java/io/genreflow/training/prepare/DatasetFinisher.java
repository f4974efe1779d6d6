package io.genreflow.training.prepare;

import io.genreflow.manifest.Normalisation;
import io.genreflow.features.NormalisationAccumulator;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.training.csv.CsvLines;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.dataset.Split;
import io.genreflow.training.npy.NpyReader;
import io.genreflow.training.split.SplitAssignment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes the files that describe a prepared dataset once all shards exist: tracks.csv,
 * snippets.csv and, last, dataset.json, all from the shard records alone, so a resumed run writes
 * the same bytes as an uninterrupted one. Skipped tracks are left out of the CSV files and the
 * remaining tracks numbered consecutively.
 *
 * <p>The normalisation statistics are computed from the float16 values in the shards (the values a
 * trainer reads), over the train split's original-audio rows only: augmented rows would shift the
 * statistics away from what serving sees, and validation or test rows would leak into training.
 */
final class DatasetFinisher {

    private final OutputFolder folder;
    private final TrackList tracks;
    private final PrepareSettings settings;
    private final List<SplitAssignment> assignments;
    private final List<ShardRecord> records;
    private final Map<Representation, int[]> shapes;
    private final int[] renumbered;

    /**
     * @param records the record of every shard, in order
     * @param shapes  {@code {steps, features}} of a row of each representation
     */
    DatasetFinisher(OutputFolder folder, TrackList tracks, PrepareSettings settings, List<SplitAssignment> assignments,
            List<ShardRecord> records, Map<Representation, int[]> shapes) {
        this.folder = folder;
        this.shapes = shapes;
        this.tracks = tracks;
        this.settings = settings;
        this.assignments = assignments;
        this.records = List.copyOf(records);
        this.renumbered = new int[tracks.tracks().size()];
        int next = 0;
        for (ShardRecord record : records) {
            for (TrackOutcome outcome : record.tracks()) {
                renumbered[outcome.track()] = outcome.wasSkipped() ? -1 : next++;
            }
        }
    }

    /** Checks the shards, writes the CSV files and dataset.json, and returns what dataset.json says. */
    DatasetDescription finish(ExecutorService pool)
            throws IOException, PrepareException, InterruptedException {
        DatasetLayout layout = folder.layout();
        requireShardRows(layout);
        AtomicFiles.writeText(layout.tracks(), writer -> {
            writer.write(CsvLines.line(DatasetLayout.TRACK_COLUMNS));
            for (ShardRecord record : records) {
                for (TrackOutcome outcome : record.tracks()) {
                    if (!outcome.wasSkipped()) {
                        writer.write(CsvLines.line(trackFields(outcome)));
                    }
                }
            }
        });
        AtomicFiles.writeText(layout.snippets(), writer -> {
            writer.write(CsvLines.line(DatasetLayout.SNIPPET_COLUMNS));
            long row = 0;
            for (ShardRecord record : records) {
                for (TrackOutcome outcome : record.tracks()) {
                    for (TrackOutcome.Row snippet : outcome.rows()) {
                        writer.write(CsvLines.line(snippetFields(row++, outcome.track(), snippet)));
                    }
                }
            }
        });
        DatasetDescription description = describe(normalisation(pool));
        AtomicFiles.writeBytes(layout.description(), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(description));
        return description;
    }

    private void requireShardRows(DatasetLayout layout) throws IOException, PrepareException {
        for (ShardRecord record : records) {
            for (Representation representation : settings.representations()) {
                try (NpyReader reader = NpyReader.open(layout.shard(representation, record.shard()))) {
                    if (reader.rows() != record.rows()) {
                        throw new PrepareException(layout.shard(representation, record.shard()) + " holds " + reader.rows()
                                + " rows, its record " + record.rows() + "; delete the shard's files and its record under "
                                + OutputFolder.STATE_FOLDER + " and run again");
                    }
                }
            }
        }
    }

    private List<String> trackFields(TrackOutcome outcome) {
        InputTrack track = tracks.tracks().get(outcome.track());
        SplitAssignment assignment = assignments.get(outcome.track());
        return List.of(Integer.toString(renumbered[outcome.track()]), track.id(), track.path(), Integer.toString(track.label()),
                track.group(), assignment.split().id(), Integer.toString(assignment.fold()),
                String.format(Locale.ROOT, "%.3f", outcome.durationSeconds()));
    }

    private List<String> snippetFields(long row, int track, TrackOutcome.Row snippet) {
        SplitAssignment assignment = assignments.get(track);
        return List.of(Long.toString(row), Integer.toString(renumbered[track]), Integer.toString(tracks.tracks().get(track).label()),
                assignment.split().id(), Integer.toString(assignment.fold()), snippet.augmentation(),
                Long.toString(snippet.startSample()), Boolean.toString(snippet.silent()));
    }

    /** Per representation, statistics of the train split's original rows, merged shard by shard in order. */
    private Map<String, Normalisation> normalisation(ExecutorService pool)
            throws IOException, PrepareException, InterruptedException {
        Map<Representation, List<Future<NormalisationAccumulator>>> parts = new LinkedHashMap<>();
        for (Representation representation : settings.representations()) {
            List<Future<NormalisationAccumulator>> futures = new ArrayList<>();
            for (ShardRecord record : records) {
                futures.add(pool.submit(statisticsTask(representation, record)));
            }
            parts.put(representation, futures);
        }
        Map<String, Normalisation> normalisation = new LinkedHashMap<>();
        for (Map.Entry<Representation, List<Future<NormalisationAccumulator>>> entry : parts.entrySet()) {
            NormalisationAccumulator total = null;
            for (Future<NormalisationAccumulator> part : entry.getValue()) {
                NormalisationAccumulator accumulator = result(part);
                if (total == null) {
                    total = accumulator;
                } else {
                    total.merge(accumulator);
                }
            }
            if (total == null || total.count() == 0) {
                throw new PrepareException("no original-audio rows of train-split tracks to compute the normalisation from"
                        + " (were all training tracks skipped?)");
            }
            normalisation.put(entry.getKey().id(), total.perColumn());
        }
        return normalisation;
    }

    private Callable<NormalisationAccumulator> statisticsTask(Representation representation, ShardRecord record) {
        int columns = shapes.get(representation)[1];
        return () -> {
            NormalisationAccumulator accumulator = new NormalisationAccumulator(columns);
            try (NpyReader reader = NpyReader.open(folder.layout().shard(representation, record.shard()))) {
                long row = 0;
                for (TrackOutcome outcome : record.tracks()) {
                    boolean train = assignments.get(outcome.track()).split() == Split.TRAIN;
                    for (TrackOutcome.Row snippet : outcome.rows()) {
                        if (train && snippet.augmentation().equals(DatasetLayout.ORIGINAL_AUDIO)) {
                            accumulator.add(reader.row(row));
                        }
                        row++;
                    }
                }
            }
            return accumulator;
        };
    }

    private DatasetDescription describe(Map<String, Normalisation> normalisation) {
        Map<String, DatasetDescription.RepresentationShape> representations = new LinkedHashMap<>();
        shapes.forEach((representation, shape) -> representations.put(representation.id(),
                new DatasetDescription.RepresentationShape(List.of(shape[0], shape[1]))));
        Map<String, Integer> trackCounts = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            trackCounts.put(split.id(), 0);
        }
        List<DatasetDescription.Shard> shards = new ArrayList<>();
        List<DatasetDescription.SkippedTrack> skipped = new ArrayList<>();
        for (ShardRecord record : records) {
            shards.add(new DatasetDescription.Shard(DatasetLayout.shardName(record.shard()), record.rows()));
            for (TrackOutcome outcome : record.tracks()) {
                InputTrack track = tracks.tracks().get(outcome.track());
                if (outcome.wasSkipped()) {
                    skipped.add(new DatasetDescription.SkippedTrack(track.path(), tracks.labels().get(track.label()), outcome.skipped()));
                } else {
                    trackCounts.merge(assignments.get(outcome.track()).split().id(), 1, Integer::sum);
                }
            }
        }
        return new DatasetDescription(
                DatasetLayout.SCHEMA_VERSION,
                tracks.labels(),
                settings.features(),
                new DatasetDescription.SnippetSettings(settings.snippets().snippetSeconds(), settings.snippets().hopSeconds(),
                        settings.snippets().silenceThresholdDbfs()),
                representations,
                normalisation,
                new DatasetDescription.SplitSettings(settings.splits().seed(), settings.splits().validationFraction(),
                        settings.splits().testFraction(), settings.splits().folds(), settings.groupColumn(), trackCounts),
                settings.augmentationNames(),
                shards,
                skipped);
    }

    private static NormalisationAccumulator result(Future<NormalisationAccumulator> future)
            throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("computing the normalisation failed", e.getCause());
        }
    }
}
