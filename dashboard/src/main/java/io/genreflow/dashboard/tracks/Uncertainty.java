package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.LabelScore;
import java.util.List;

/**
 * When a verdict is marked "uncertain": its winner is below the confidence threshold, or the
 * runner-up is within {@value #CLOSE_MARGIN} of it. The verdict records probabilities, not a
 * judgement, so the dashboard applies this one rule everywhere it shows a genre.
 */
public final class Uncertainty {

    /** A runner-up this close to the winner makes the call a coin toss. */
    public static final double CLOSE_MARGIN = 0.1;

    private Uncertainty() {
    }

    /** Whether the ranking {@code topK} (most probable first) is uncertain under {@code threshold}. */
    public static boolean of(List<LabelScore> topK, double threshold) {
        return topK.isEmpty() || of(topK.getFirst().probability(), topK.size() > 1 ? topK.get(1).probability() : null,
                threshold);
    }

    /** The same from the winner's probability and the runner-up's (null when there is none). */
    public static boolean of(double best, Double runnerUp, double threshold) {
        return best < threshold || runnerUp != null && best - runnerUp < CLOSE_MARGIN;
    }
}
