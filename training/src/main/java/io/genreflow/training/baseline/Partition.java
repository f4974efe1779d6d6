package io.genreflow.training.baseline;

import io.genreflow.training.dataset.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A division of the tracks into those a classifier is fitted on and those it is tested on.
 *
 * @param name  what the division is, e.g. {@code fold-2} or {@code test}
 * @param train the indices of the training tracks, ascending
 * @param test  the indices of the test tracks, ascending
 */
record Partition(String name, int[] train, int[] test) {

    /** The name of the hold-out partition. */
    static final String HOLDOUT = "test";

    /**
     * One partition per cross-validation fold k: tested on the tracks of fold k, trained on all
     * others, test-split tracks included, as the trainer's {@code --fold} does.
     *
     * @throws IllegalArgumentException if a fold has no tracks
     */
    static List<Partition> folds(TrackSummaries tracks) {
        List<Partition> partitions = new ArrayList<>();
        for (int fold = 0; fold < tracks.folds(); fold++) {
            int k = fold;
            Partition partition = of("fold-" + k, tracks, i -> tracks.tracks().get(i).fold() == k);
            if (partition.test.length == 0) {
                throw new IllegalArgumentException("fold " + k + " of " + tracks.folds() + " has no tracks: the dataset is"
                        + " too small for its folds (prepare it with fewer --folds)");
            }
            partitions.add(partition);
        }
        return partitions;
    }

    /**
     * Tested on the test split, trained on train and validation together: the baseline has no
     * hyper-parameters tuned on validation, so those tracks are better spent on training.
     *
     * @throws IllegalArgumentException if the test split is empty
     */
    static Partition holdout(TrackSummaries tracks) {
        Partition partition = of(HOLDOUT, tracks, i -> tracks.tracks().get(i).split() == Split.TEST);
        if (partition.test.length == 0) {
            throw new IllegalArgumentException("the dataset has no test tracks (it was prepared with --test-fraction 0);"
                    + " evaluate on the folds only (--split folds)");
        }
        return partition;
    }

    private static Partition of(String name, TrackSummaries tracks, IntPredicate tested) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < tracks.tracks().size(); i++) {
            (tested.test(i) ? test : train).add(i);
        }
        return new Partition(name, train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray());
    }
}
