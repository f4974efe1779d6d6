package io.genreflow.training.models;

import io.genreflow.contracts.Representation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The run shipped for one representation, and the runs it beat. Runs are ranked by validation
 * track balanced accuracy, because a track's answer is what serving reports and balanced accuracy
 * is what imbalanced labels cannot inflate; ties go to the better snippet balanced accuracy, which
 * separates runs that tie on a few dozen tracks, and then to the run named first.
 *
 * @param chosen       the best run
 * @param alternatives the other runs of the representation, best first
 */
public record RunChoice(TrainingRun chosen, List<TrainingRun> alternatives) {

    /** The ranking: better track balanced accuracy first, then better snippet balanced accuracy. */
    static final Comparator<TrainingRun> BEST_FIRST = Comparator
            .comparingDouble((TrainingRun run) -> run.track().balancedAccuracy())
            .thenComparingDouble(run -> run.snippet().balancedAccuracy())
            .reversed();

    public RunChoice {
        alternatives = List.copyOf(alternatives);
    }

    /**
     * The best run of each representation among {@code runs}, in {@link Representation} order.
     * The sort is stable, so of two runs that tie on both figures the one listed first wins.
     */
    public static List<RunChoice> choose(List<TrainingRun> runs) {
        Map<Representation, List<TrainingRun>> byRepresentation = runs.stream().collect(Collectors.groupingBy(
                TrainingRun::representation, () -> new EnumMap<>(Representation.class), Collectors.toList()));
        List<RunChoice> choices = new ArrayList<>();
        byRepresentation.forEach((representation, candidates) -> {
            List<TrainingRun> ranked = candidates.stream().sorted(BEST_FIRST).toList();
            choices.add(new RunChoice(ranked.getFirst(), ranked.subList(1, ranked.size())));
        });
        return List.copyOf(choices);
    }

    /** The representation both runs score. */
    public Representation representation() {
        return chosen.representation();
    }

    /** Why this run was chosen, in words for the model card. */
    public String reason() {
        String figures = figures(chosen);
        if (alternatives.isEmpty()) {
            return chosen.architecture() + " (" + figures + ") was the only run";
        }
        return chosen.architecture() + " had the best validation track balanced accuracy, ties broken by snippet"
                + " balanced accuracy: " + figures + "; beaten: " + alternatives.stream()
                .map(run -> run.architecture() + " " + figures(run)).collect(Collectors.joining(", "));
    }

    /** The choice as the manifest and calibration.json record it. */
    public Summary summary() {
        return new Summary(RunScore.of(chosen), alternatives.stream().map(RunScore::of).toList(), reason());
    }

    /**
     * The recorded form of a choice.
     *
     * @param chosen       the shipped run
     * @param alternatives the runs it beat
     * @param reason       why, in words
     */
    public record Summary(RunScore chosen, List<RunScore> alternatives, String reason) {
    }

    /**
     * A run and the figures it was ranked by.
     *
     * @param run                     its folder
     * @param architecture            its network
     * @param parameters              its trainable parameter count
     * @param trackBalancedAccuracy   its validation track balanced accuracy
     * @param snippetBalancedAccuracy its validation snippet balanced accuracy
     */
    public record RunScore(String run, String architecture, long parameters, double trackBalancedAccuracy,
                           double snippetBalancedAccuracy) {

        static RunScore of(TrainingRun run) {
            return new RunScore(run.folder().toString(), run.architecture(), run.parameters(),
                    run.track().balancedAccuracy(), run.snippet().balancedAccuracy());
        }
    }

    private static String figures(TrainingRun run) {
        return String.format(Locale.ROOT, "track %.3f, snippet %.3f", run.track().balancedAccuracy(),
                run.snippet().balancedAccuracy());
    }
}
