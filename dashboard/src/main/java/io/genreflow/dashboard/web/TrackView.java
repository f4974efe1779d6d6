package io.genreflow.dashboard.web;

import io.quarkus.qute.TemplateData;

import io.genreflow.contracts.Verdict;
import io.genreflow.dashboard.charts.GenrePalette;
import io.genreflow.dashboard.charts.Percent;
import io.genreflow.dashboard.charts.ProbabilityBars;
import io.genreflow.dashboard.charts.TimelineStrip;
import io.genreflow.dashboard.tracks.TrackDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The track page's charts and tables, worked out from a {@link TrackDetail} so the template only
 * places them.
 *
 * @param detail          the track
 * @param bars            the top-k probability bars
 * @param barsHeight      their SVG height
 * @param cells           the timeline strip's cells
 * @param segments        the timeline as text
 * @param legend          the genres and colours on the timeline
 * @param representations each representation's scores and weight
 */
@TemplateData
public record TrackView(TrackDetail detail, List<ProbabilityBars.Bar> bars, int barsHeight,
                        List<TimelineStrip.Cell> cells, List<TimelineStrip.Segment> segments,
                        List<GenrePalette.Swatch> legend, List<RepresentationRow> representations) {

    /**
     * One representation's line in the scores table.
     *
     * @param id           the representation
     * @param topGenre     the genre it ranked first
     * @param topScore     that genre's score, printed
     * @param verdictScore its score for the verdict's genre, printed
     * @param weight       its mean share of the ensemble's scores, printed ("not used" when it had none)
     * @param scores       its score per label, printed, in label order
     */
    @TemplateData
    public record RepresentationRow(String id, String topGenre, String topScore, String verdictScore, String weight,
                                    List<String> scores) {
    }

    /** The view of {@code detail}. */
    public static TrackView of(TrackDetail detail) {
        Verdict verdict = detail.verdict();
        if (verdict == null) {
            return new TrackView(detail, List.of(), 0, List.of(), List.of(), List.of(), List.of());
        }
        GenrePalette palette = new GenrePalette(verdict.labels());
        double duration = detail.record().audio() == null ? 0 : detail.record().audio().durationSeconds();
        List<String> seen = verdict.timeline().stream().map(Verdict.TimelineEntry::genre).distinct().toList();
        return new TrackView(detail, ProbabilityBars.of(verdict.topK(), palette),
                ProbabilityBars.height(verdict.topK().size()), TimelineStrip.cells(verdict.timeline(), duration, palette),
                TimelineStrip.segments(verdict.timeline(), duration, palette),
                palette.legend().stream().filter(s -> seen.contains(s.label())).toList(), rows(verdict));
    }

    private static List<RepresentationRow> rows(Verdict verdict) {
        int genre = verdict.labels().indexOf(verdict.genre());
        List<RepresentationRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Double>> entry : verdict.trackScores().entrySet()) {
            List<Double> scores = entry.getValue();
            int top = 0;
            for (int c = 1; c < scores.size(); c++) {
                top = scores.get(c) > scores.get(top) ? c : top;
            }
            List<Double> weights = verdict.weights().get(entry.getKey());
            String weight = weights == null ? (verdict.weights().isEmpty() ? "meta-classifier" : "not used")
                    : Percent.of(weights.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            rows.add(new RepresentationRow(entry.getKey(), verdict.labels().get(top), Percent.of(scores.get(top)),
                    Percent.of(scores.get(genre)), weight, scores.stream().map(Percent::of).toList()));
        }
        return rows;
    }
}
