package io.genreflow.dashboard.charts;

import io.quarkus.qute.TemplateData;

import io.genreflow.contracts.LabelScore;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars, one per ranked genre, in an SVG of {@value #WIDTH} × (rows × {@value #ROW})
 * user units: the label on the left, the bar scaled to the probability, the percentage after it.
 */
public final class ProbabilityBars {

    /** The SVG's width in user units. */
    public static final int WIDTH = 600;
    /** Height of one bar's row. */
    public static final int ROW = 28;
    /** Where bars start, after the label column. */
    public static final int BAR_X = 110;
    private static final int BAR_SPAN = 400;

    private ProbabilityBars() {
    }

    /**
     * One bar.
     *
     * @param label   the genre
     * @param percent the probability, printed
     * @param colour  the genre's colour
     * @param y       the row's top
     * @param width   the bar's length
     * @param textY   the baseline of the row's text
     * @param valueX  where the percentage starts
     */
    @TemplateData
    public record Bar(String label, String percent, String colour, int y, double width, int textY, double valueX) {
    }

    /** The bars of {@code ranking}, most probable first. */
    public static List<Bar> of(List<LabelScore> ranking, GenrePalette palette) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ranking.size(); i++) {
            LabelScore score = ranking.get(i);
            double width = Math.max(1, score.probability() * BAR_SPAN);
            bars.add(new Bar(score.label(), Percent.of(score.probability()), palette.colour(score.label()), i * ROW + 4,
                    width, i * ROW + 20, BAR_X + width + 6));
        }
        return bars;
    }

    /** The SVG height for {@code rows} bars. */
    public static int height(int rows) {
        return rows * ROW + 8;
    }
}
