package io.genreflow.verdict;

import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Verdict.TimelineEntry;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetPlan;
import io.genreflow.contracts.EnsembleResult;
import io.genreflow.contracts.GenreRanking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The aggregator stage: turns the snippet probabilities of each representation into the track's
 * {@link Verdict}. Each representation's track score is the mean of its snippet probabilities,
 * silent snippets left out ({@link SnippetPooling#mean}); the manifest's ensemble combines them
 * ({@link Ensemble#combine}); the timeline applies the same ensemble to each snippet's
 * probabilities. A representation without results (its batches ended in a dead-letter queue) is
 * simply absent: the verdict is made from the others and says it is degraded.
 *
 * <p>Pure and immutable: the same inputs always give the same verdict, on any thread.
 */
public final class VerdictAssembler {

    private final ModelManifest manifest;
    /** Labels a verdict ranks unless configured: the winner and two runners-up. */
    public static final int DEFAULT_TOP_K = 3;

    private final int topK;

    /**
     * @param manifest the models that produced the probabilities
     * @param topK     how many labels the verdict ranks (capped at the label count)
     */
    public VerdictAssembler(ModelManifest manifest, int topK) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
        }
        this.topK = topK;
    }

    /**
     * The verdict of one track.
     *
     * @param track                the track record, with its snippet plan, energy and expected
     *                             representations
     * @param snippetProbabilities representation id to one row per planned snippet (in plan
     *                             order), one probability per manifest label; representations that
     *                             failed are left out
     * @param timingsMs            milliseconds per stage, recorded in the verdict
     * @param now                  when the verdict is made
     * @throws NoVerdictException       when none of the representations the ensemble relies on is present
     * @throws IllegalArgumentException when the track is not planned yet, was classified by another
     *                                  model version, or a matrix does not fit the plan and labels
     */
    public Verdict assemble(TrackRecord track, Map<String, float[][]> snippetProbabilities,
                            Map<String, Long> timingsMs, Instant now) {
        SnippetPlan plan = plannedTrack(track);
        requireFits(snippetProbabilities, plan);
        Set<String> expected = track.expectedPartials().keySet();
        boolean[] silent = plan.silentMask();
        Map<String, double[]> trackScores = new LinkedHashMap<>();
        snippetProbabilities.forEach((id, rows) -> trackScores.put(id, SnippetPooling.mean(rows, silent)));
        EnsembleResult ensemble = Ensemble.combine(manifest.ensemble(), trackScores, expected);
        GenreRanking ranking = GenreRanking.of(ensemble.probabilities(), manifest.labels(), topK);
        return Verdict.of(track, manifest.labels(), ranking, ensemble, trackScores,
                timeline(plan, snippetProbabilities, expected), timingsMs, now);
    }

    private List<TimelineEntry> timeline(SnippetPlan plan, Map<String, float[][]> snippetProbabilities,
                                         Set<String> expected) {
        List<TimelineEntry> timeline = new ArrayList<>(plan.snippets().size());
        for (Snippet snippet : plan.snippets()) {
            Map<String, double[]> scores = new LinkedHashMap<>();
            snippetProbabilities.forEach((id, rows) -> scores.put(id, toDoubles(rows[snippet.index()])));
            GenreRanking best = GenreRanking.of(Ensemble.combine(manifest.ensemble(), scores, expected).probabilities(),
                    manifest.labels(), 1);
            timeline.add(new TimelineEntry(snippet.index(), (double) snippet.startSample() / plan.sampleRate(),
                    best.genre(), best.confidence()));
        }
        return timeline;
    }

    private SnippetPlan plannedTrack(TrackRecord track) {
        Objects.requireNonNull(track, "track");
        if (track.snippets() == null || track.energy() == null) {
            throw new IllegalArgumentException("track " + track.trackId() + " is " + track.status()
                    + " without a snippet plan and energy; a verdict needs both");
        }
        if (!track.modelVersion().equals(manifest.modelVersion())) {
            throw new IllegalArgumentException("track " + track.trackId() + " was classified with model "
                    + track.modelVersion() + " but these results are interpreted with model "
                    + manifest.modelVersion() + "; its labels may differ, so the verdict would be wrong");
        }
        return track.snippets();
    }

    private void requireFits(Map<String, float[][]> snippetProbabilities, SnippetPlan plan) {
        int labels = manifest.labels().size();
        snippetProbabilities.forEach((id, rows) -> {
            if (!manifest.representations().containsKey(id)) {
                throw new IllegalArgumentException("probabilities of '" + id + "', for which the manifest has no model"
                        + " (it has " + manifest.representations().keySet() + ")");
            }
            if (rows == null || rows.length != plan.snippets().size()) {
                throw new IllegalArgumentException("'" + id + "' has probabilities for "
                        + (rows == null ? 0 : rows.length) + " snippets; the track has " + plan.snippets().size());
            }
            for (int s = 0; s < rows.length; s++) {
                if (rows[s] == null || rows[s].length != labels) {
                    throw new IllegalArgumentException("'" + id + "' snippet " + s + " has "
                            + (rows[s] == null ? 0 : rows[s].length) + " probabilities for " + labels + " labels");
                }
            }
        });
    }

    private static double[] toDoubles(float[] row) {
        double[] values = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            values[c] = row[c];
        }
        return values;
    }
}
