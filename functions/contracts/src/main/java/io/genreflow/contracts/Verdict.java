package io.genreflow.contracts;

import io.genreflow.manifest.EnsembleSpec;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A track's verdict, stored at {@code tracks/<id>/verdict.json} (and copied to
 * {@link S3Keys#verdictForUpload}): the genre with its confidence and runners-up, how each
 * representation scored the track and how much each counted, a per-snippet timeline, and energy.
 *
 * @param schemaVersion          {@link SchemaVersion#CURRENT} when written
 * @param trackId                the track
 * @param source                 the uploaded object version this verdict describes
 * @param modelVersion           the model version that made it
 * @param labels                 the model's labels, in the order of every score list below
 * @param genre                  the most probable label
 * @param confidence             its probability
 * @param topK                   the most probable labels, most probable first
 * @param strategy               the ensemble rule applied (a degraded stacking verdict names its fallback)
 * @param trackScores            per representation present, its track score per label
 * @param weights                per representation that counted, its share of each label's score
 *                               (empty for stacking)
 * @param degraded               true when a representation the ensemble needed failed
 * @param missingRepresentations the representations it needed and did not get
 * @param timeline               per snippet, its most probable genre
 * @param energy                 the track's energy
 * @param timingsMs              milliseconds per stage, e.g. "split", "classify.logmel", "aggregate"
 * @param createdAt              when the verdict was made (ISO-8601)
 */
public record Verdict(
        int schemaVersion,
        TrackId trackId,
        SourceObject source,
        String modelVersion,
        List<String> labels,
        String genre,
        double confidence,
        List<LabelScore> topK,
        EnsembleSpec.Strategy strategy,
        Map<String, List<Double>> trackScores,
        Map<String, List<Double>> weights,
        boolean degraded,
        List<String> missingRepresentations,
        List<TimelineEntry> timeline,
        Energy energy,
        Map<String, Long> timingsMs,
        String createdAt) {

    public Verdict {
        SchemaVersion.check(schemaVersion, "verdict");
        Checks.present(trackId, "track id");
        Checks.present(source, "source object");
        Checks.text(modelVersion, "model version");
        labels = Checks.list(labels, "labels");
        if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels must be a non-empty list of distinct names, got " + labels);
        }
        topK = Checks.list(topK, "top-k");
        if (topK.isEmpty() || !topK.get(0).label().equals(genre) || topK.get(0).probability() != confidence) {
            throw new IllegalArgumentException("the genre and its confidence must head the top-k list");
        }
        for (LabelScore entry : topK) {
            requireLabel(labels, entry.label());
        }
        Checks.present(strategy, "ensemble strategy");
        trackScores = perLabel(trackScores, labels.size(), "track scores");
        if (trackScores.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs the track score of at least one representation");
        }
        weights = perLabel(weights, labels.size(), "weights");
        if (!trackScores.keySet().containsAll(weights.keySet())) {
            throw new IllegalArgumentException("weights name a representation without track scores: "
                    + weights.keySet());
        }
        missingRepresentations = Checks.list(missingRepresentations, "missing representations");
        missingRepresentations.forEach(Checks::representation);
        if (degraded == missingRepresentations.isEmpty()) {
            throw new IllegalArgumentException("a verdict is degraded exactly when representations are missing");
        }
        timeline = Checks.list(timeline, "timeline");
        for (TimelineEntry entry : timeline) {
            requireLabel(labels, entry.genre());
        }
        Checks.present(energy, "energy");
        timingsMs = Checks.timings(timingsMs);
        createdAt = Checks.instant(createdAt, "createdAt");
    }

    /**
     * Assembles the document from the verdict maths.
     *
     * @param track       the track, in CLASSIFYING, whose results are all in
     * @param labels      the model's labels
     * @param ranking     the ranking of {@code ensemble}'s probabilities
     * @param ensemble    the combined track scores
     * @param trackScores the per-representation track scores the ensemble combined
     * @param timeline    the per-snippet timeline
     * @param timingsMs   milliseconds per stage
     * @param now         when the verdict is made
     */
    public static Verdict of(TrackRecord track, List<String> labels, GenreRanking ranking, EnsembleResult ensemble,
                             Map<String, double[]> trackScores, List<TimelineEntry> timeline,
                             Map<String, Long> timingsMs, Instant now) {
        return new Verdict(SchemaVersion.CURRENT, track.trackId(), track.source(), track.modelVersion(), labels,
                ranking.genre(), ranking.confidence(), ranking.topK(), ensemble.strategy(), lists(trackScores),
                lists(ensemble.weights()), ensemble.degraded(), ensemble.missing(), timeline, track.energy(),
                timingsMs, now.toString());
    }

    private static Map<String, List<Double>> lists(Map<String, double[]> arrays) {
        Map<String, List<Double>> lists = new TreeMap<>();
        arrays.forEach((id, values) -> lists.put(id, Arrays.stream(values).boxed().toList()));
        return lists;
    }

    private static Map<String, List<Double>> perLabel(Map<String, List<Double>> scores, int labelCount, String what) {
        Map<String, List<Double>> sorted = new TreeMap<>();
        if (scores != null) {
            scores.forEach((id, values) -> {
                List<Double> copy = Checks.list(values, what + " of " + id);
                if (copy.size() != labelCount) {
                    throw new IllegalArgumentException(what + " of " + id + " have " + copy.size() + " values for "
                            + labelCount + " labels");
                }
                copy.forEach(v -> Checks.probability(v, what + " of " + id));
                sorted.put(Checks.representation(id), copy);
            });
        }
        return Collections.unmodifiableMap(sorted);
    }

    private static void requireLabel(List<String> labels, String label) {
        if (!labels.contains(label)) {
            throw new IllegalArgumentException("'" + label + "' is not one of the labels " + labels);
        }
    }

    /**
     * One snippet on the timeline: the genre the ensemble of its per-representation scores favours.
     *
     * @param snippet      the snippet index
     * @param startSeconds where the snippet starts in the track
     * @param genre        its most probable label
     * @param probability  that label's probability
     */
    public record TimelineEntry(int snippet, double startSeconds, String genre, double probability) {

        public TimelineEntry {
            Checks.nonNegative(snippet, "snippet index");
            if (!(startSeconds >= 0) || Double.isInfinite(startSeconds)) {
                throw new IllegalArgumentException("snippet " + snippet + " starts at " + startSeconds + " s");
            }
            Checks.text(genre, "genre of snippet " + snippet);
            Checks.probability(probability, "probability of snippet " + snippet);
        }
    }
}
