package io.genreflow.contracts;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregator's record of which snippet batches of a track are accounted for, stored at
 * {@link S3Keys#batchLedger}: each batch whose {@link PartialResult} is stored, and each noted as a
 * {@link BatchFailure}. It lets the aggregator tell a track is complete from one small document
 * instead of listing the track's objects for every result. Adding a batch twice changes nothing, so
 * duplicate deliveries are harmless; writers replace it conditionally on the version they read.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT} when written
 * @param trackId       the track
 * @param results       representation id to the batches with a stored result, ascending
 * @param failures      representation id to the batches noted as failed, ascending
 */
public record BatchLedger(int schemaVersion, TrackId trackId, Map<String, List<Integer>> results,
                          Map<String, List<Integer>> failures) {

    public BatchLedger {
        SchemaVersion.check(schemaVersion, "batch ledger");
        Checks.present(trackId, "track id");
        results = canonical(results, "results");
        failures = canonical(failures, "failures");
    }

    /** A ledger with nothing accounted for. */
    public static BatchLedger empty(TrackId trackId) {
        return new BatchLedger(SchemaVersion.CURRENT, trackId, Map.of(), Map.of());
    }

    /** This ledger with {@code batch} of {@code representation} holding a stored result. */
    public BatchLedger withResult(Representation representation, int batch) {
        return new BatchLedger(schemaVersion, trackId, adding(results, representation, batch), failures);
    }

    /** This ledger with {@code batch} of {@code representation} noted as failed. */
    public BatchLedger withFailure(Representation representation, int batch) {
        return new BatchLedger(schemaVersion, trackId, results, adding(failures, representation, batch));
    }

    /** Whether every batch {@code track} expects has a result or a failure note. */
    public boolean accountsFor(TrackRecord track) {
        return accountedBatches(track) == track.expectedRepresentations().stream()
                .mapToInt(track::expectedBatches).sum();
    }

    /** How many of the batches {@code track} expects have a result or a failure note; others do not count. */
    public int accountedBatches(TrackRecord track) {
        int accounted = 0;
        for (Representation representation : track.expectedRepresentations()) {
            for (int batch = 0; batch < track.expectedBatches(representation); batch++) {
                if (has(results, representation, batch) || has(failures, representation, batch)) {
                    accounted++;
                }
            }
        }
        return accounted;
    }

    /** Whether each of the first {@code batches} batches of {@code representation} has a stored result. */
    public boolean hasAllResults(Representation representation, int batches) {
        return results.getOrDefault(representation.id(), List.of()).stream().filter(b -> b < batches).count()
                == batches;
    }

    private static boolean has(Map<String, List<Integer>> batches, Representation representation, int batch) {
        return batches.getOrDefault(representation.id(), List.of()).contains(batch);
    }

    private static Map<String, List<Integer>> adding(Map<String, List<Integer>> batches, Representation representation,
                                                     int batch) {
        Map<String, List<Integer>> added = new TreeMap<>(batches);
        TreeSet<Integer> ofRepresentation = new TreeSet<>(batches.getOrDefault(representation.id(), List.of()));
        ofRepresentation.add(Checks.nonNegative(batch, "batch"));
        added.put(representation.id(), List.copyOf(ofRepresentation));
        return added;
    }

    /** Sorted and free of duplicates, so equal ledgers serialise to equal bytes. */
    private static Map<String, List<Integer>> canonical(Map<String, List<Integer>> batches, String what) {
        Map<String, List<Integer>> sorted = new TreeMap<>();
        if (batches != null) {
            batches.forEach((representation, indices) -> sorted.put(Checks.representation(representation),
                    List.copyOf(new TreeSet<>(Checks.list(indices, what + " of " + representation)))));
        }
        return Collections.unmodifiableMap(sorted);
    }
}
