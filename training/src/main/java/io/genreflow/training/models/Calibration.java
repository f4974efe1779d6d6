package io.genreflow.training.models;

import io.genreflow.manifest.EnsembleSpec;
import io.genreflow.training.ensemble.ReliabilityFit;
import java.util.List;
import java.util.Map;

/**
 * How the ensemble was fitted on the validation tracks and why its strategy was chosen, as
 * written to calibration.json.
 *
 * @param validationTracks validation tracks the fits used
 * @param representations  per representation, its validation track scores through the serving
 *                         maths (silent snippets left out of the pooling)
 * @param reliability      the selective-activation fit on all validation tracks
 * @param switchedOn       the representations that fit switches on
 * @param stackingL2       the L2 penalty of the stacking fit
 * @param criterion        how the strategies were compared, in words
 * @param strategies       per strategy, whether it could be used and how it scored
 * @param requested        the strategy asked for ({@code auto} lets the comparison decide)
 * @param chosen           the strategy shipped
 * @param reason           why, in words
 * @param spec             the shipped ensemble, fitted on all validation tracks
 */
public record Calibration(
        int validationTracks,
        Map<String, HeadlineScores> representations,
        ReliabilityFit reliability,
        List<String> switchedOn,
        double stackingL2,
        String criterion,
        Map<EnsembleSpec.Strategy, StrategyScores> strategies,
        String requested,
        EnsembleSpec.Strategy chosen,
        String reason,
        EnsembleSpec spec) {

    /**
     * How one strategy did on the validation tracks.
     *
     * @param available   whether it can be shipped (selective activation needs a representation
     *                    that beats chance)
     * @param leaveOneOut each track predicted by the strategy fitted on all the other tracks: the
     *                    honest comparison
     * @param inSample    each track predicted by the strategy fitted on all tracks, itself included:
     *                    optimistic for the strategies that are fitted, shown for contrast
     */
    public record StrategyScores(boolean available, HeadlineScores leaveOneOut, HeadlineScores inSample) {
    }
}
