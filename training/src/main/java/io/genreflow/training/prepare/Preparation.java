package io.genreflow.training.prepare;

import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.split.SplitAssigner;
import io.genreflow.training.split.SplitAssignment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prepares a dataset (training/DATASET_FORMAT.md) from labelled tracks: assigns splits and folds,
 * turns every track into feature rows on worker threads, and writes the description files.
 *
 * <p>Shard {@code k} holds tracks {@code k·n .. k·n+n-1} ({@code n} = tracks per shard) in track
 * order, so the output does not depend on how many threads made it. A worker prepares a whole shard
 * and marks it finished only after its files are complete; an interrupted run (even killed) is
 * continued by running it again with the same settings, and ends with the same bytes as an
 * uninterrupted one.
 */
public final class Preparation {

    private Preparation() {
    }

    /**
     * Prepares {@code tracks} into {@code output}, or continues an earlier run there.
     *
     * @param threads  worker threads; the output is the same for any number
     * @param progress receives progress and skipped-track messages
     * @return the content of the dataset.json written
     * @throws PrepareException when the output folder belongs to another run or nothing usable was prepared
     * @throws IOException      when writing the output fails
     */
    public static DatasetDescription run(TrackList tracks, PrepareSettings settings, Path output, int threads,
            Progress progress) throws IOException, PrepareException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        OutputFolder folder = OutputFolder.open(output, RunIdentity.of(tracks, settings), settings.representations());
        List<SplitAssignment> assignments = SplitAssigner.assign(tracks.labelIndices(), tracks.groups(), settings.splits());
        Map<Representation, int[]> shapes = TrackPreparer.rowShapes(settings);
        int shardCount = Math.ceilDiv(tracks.tracks().size(), settings.tracksPerShard());
        List<Integer> pending = new ArrayList<>();
        int alreadyDone = 0;
        for (int shard = 0; shard < shardCount; shard++) {
            if (folder.isFinished(shard, settings.representations())) {
                alreadyDone += tracksOf(shard, tracks, settings).size();
            } else {
                pending.add(shard);
            }
        }
        progress.start(tracks.tracks().size(), alreadyDone);
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "prepare-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            prepareShards(pending, tracks, settings, folder, shapes, threads, pool, progress);
            List<ShardRecord> records = new ArrayList<>(shardCount);
            for (int shard = 0; shard < shardCount; shard++) {
                records.add(folder.readRecord(shard));
            }
            DatasetDescription description = new DatasetFinisher(folder, tracks, settings, assignments, records, shapes)
                    .finish(pool);
            progress.finish();
            return description;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code threads} workers that take pending shards in order until none is left or one fails. */
    private static void prepareShards(List<Integer> pending, TrackList tracks, PrepareSettings settings, OutputFolder folder,
            Map<Representation, int[]> shapes, int threads, ExecutorService pool, Progress progress)
            throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<Void>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(threads, pending.size()); i++) {
            workers.add(pool.submit(() -> {
                TrackPreparer preparer = new TrackPreparer(settings);
                try {
                    for (int taken; !failed.get() && (taken = next.getAndIncrement()) < pending.size(); ) {
                        ShardRecord record = prepareShard(pending.get(taken), tracks, settings, folder, shapes, preparer,
                                progress, failed);
                        if (record != null) {
                            folder.writeRecord(record);
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
                return null;
            }));
        }
        for (Future<Void> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) e.getCause();
            }
        }
    }

    /**
     * Writes one shard's files and returns its record, or null when another worker failed meanwhile;
     * an abandoned shard leaves no files behind.
     */
    private static ShardRecord prepareShard(int shard, TrackList tracks, PrepareSettings settings, OutputFolder folder,
            Map<Representation, int[]> shapes, TrackPreparer preparer, Progress progress, AtomicBoolean failed) throws IOException {
        List<TrackOutcome> outcomes = new ArrayList<>();
        try (ShardWriter writer = ShardWriter.start(folder.layout(), shard, shapes)) {
            for (int index : tracksOf(shard, tracks, settings)) {
                if (failed.get()) {
                    return null;
                }
                TrackOutcome outcome = preparer.prepare(index, tracks.tracks().get(index), writer);
                if (outcome.wasSkipped()) {
                    progress.note("skipped " + tracks.tracks().get(index).path() + ": " + outcome.skipped());
                }
                outcomes.add(outcome);
                progress.trackDone(outcome.wasSkipped() ? 0 : outcome.durationSeconds());
            }
            writer.commit();
        }
        return new ShardRecord(shard, outcomes);
    }

    private static List<Integer> tracksOf(int shard, TrackList tracks, PrepareSettings settings) {
        int first = shard * settings.tracksPerShard();
        int end = Math.min(tracks.tracks().size(), first + settings.tracksPerShard());
        List<Integer> indices = new ArrayList<>(end - first);
        for (int index = first; index < end; index++) {
            indices.add(index);
        }
        return indices;
    }
}
