package io.genreflow.training.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import io.genreflow.training.dataset.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineEvaluationTest {

    private static final List<String> LABELS = List.of("a", "b", "c");
    private static final double L2 = 1e-2;

    /**
     * {@code count} tracks with labels cycling over three, folds over five, every fifth track in test;
     * logmel summaries of 12 columns are noise plus, when {@code informative}, a shift of 3 in the
     * track label's own group of four columns; chroma summaries are pure noise.
     */
    private static TrackSummaries tracks(int count, boolean informative, long seed) {
        Random random = new Random(seed);
        List<TrackSummaries.Track> tracks = new ArrayList<>();
        double[][] logmel = new double[count][12];
        double[][] chroma = new double[count][4];
        for (int i = 0; i < count; i++) {
            int label = i % 3;
            tracks.add(new TrackSummaries.Track(label, i % 5 == 4 ? Split.TEST : Split.TRAIN, (i / 3) % 5));
            for (int j = 0; j < 12; j++) {
                logmel[i][j] = -40 + 10 * random.nextGaussian() + (informative && j / 4 == label ? 30 : 0);
            }
            for (int j = 0; j < 4; j++) {
                chroma[i][j] = random.nextDouble();
            }
        }
        return new TrackSummaries(LABELS, 5, tracks, Map.of(Representation.LOGMEL, logmel, Representation.CHROMA, chroma));
    }

    private static BaselineEvaluation.Plan plan(boolean folds, boolean holdout) {
        return new BaselineEvaluation.Plan(List.of(Representation.LOGMEL, Representation.CHROMA), folds, holdout, L2, 2);
    }

    @Test
    void separableLabelsAreRecognisedOnEveryFoldAndOnTheTestSplit() throws Exception {
        BaselineReport report = BaselineEvaluation.run(tracks(90, true, 1), plan(true, true), "synthetic");

        assertEquals(List.of(List.of("logmel", "chroma"), List.of("logmel"), List.of("chroma")),
                report.featureSets().stream().map(BaselineReport.FeatureSetResult::representations).toList());
        BaselineReport.FeatureSetResult both = report.featureSets().get(0);
        assertEquals(16, both.features());
        assertEquals(List.of("fold-0", "fold-1", "fold-2", "fold-3", "fold-4"),
                both.folds().stream().map(BaselineReport.PartitionResult::partition).toList());
        for (BaselineReport.PartitionResult fold : both.folds()) {
            assertEquals(72, fold.trainTracks());
            assertEquals(18, fold.testTracks());
            assertTrue(fold.metrics().balancedAccuracy() >= 0.9, fold.toString());
        }
        assertEquals(72, both.holdout().trainTracks());
        assertEquals(18, both.holdout().testTracks());
        assertTrue(both.holdout().metrics().balancedAccuracy() >= 0.9, both.holdout().toString());
        assertTrue(report.featureSets().get(1).foldSummary().balancedAccuracy().mean() >= 0.9);
        assertTrue(report.featureSets().get(2).foldSummary().balancedAccuracy().mean() < 0.6, "chroma is noise");
    }

    @Test
    void labelsUnrelatedToTheFeaturesScoreNearChance() throws Exception {
        BaselineReport report = BaselineEvaluation.run(tracks(150, false, 2), plan(true, false), "synthetic");

        for (BaselineReport.FeatureSetResult set : report.featureSets()) {
            double mean = set.foldSummary().balancedAccuracy().mean();
            assertTrue(mean > 1.0 / 3 - 0.15 && mean < 1.0 / 3 + 0.15, set.representations() + ": " + mean);
            assertNull(set.holdout());
        }
    }

    @Test
    void aTestFoldTracksStatisticsNeverEnterTheTraining() {
        TrackSummaries tracks = tracks(45, true, 3);
        Partition fold = Partition.folds(tracks).get(2);
        double[][] features = tracks.features(List.of(Representation.LOGMEL, Representation.CHROMA));
        double[][] altered = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            altered[i] = features[i].clone();
        }
        int outlier = fold.test()[0];
        Arrays.fill(altered[outlier], 1e6);

        BaselineClassifier original = BaselineEvaluation.fitOn(features, tracks.labels(), 3, fold, L2);
        BaselineClassifier withOutlier = BaselineEvaluation.fitOn(altered, tracks.labels(), 3, fold, L2);

        assertArrayEquals(original.standardiser().mean(), withOutlier.standardiser().mean());
        assertArrayEquals(original.standardiser().scale(), withOutlier.standardiser().scale());
        double[] trainMean = new double[features[0].length];
        for (int i : fold.train()) {
            for (int j = 0; j < trainMean.length; j++) {
                trainMean[j] += features[i][j] / fold.train().length;
            }
        }
        assertArrayEquals(trainMean, original.standardiser().mean(), 1e-9);
        for (int i : fold.test()) {
            if (i != outlier) {
                assertEquals(original.predict(features[i]), withOutlier.predict(features[i]));
            }
        }
    }

    @Test
    void everyLabelWeighsTheSameInTheFit() {
        double[] weights = BaselineClassifier.balancedWeights(new int[] {0, 0, 0, 1, 2, 2}, 4);

        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 2.0 / 3, 2, 1, 1}, weights, 1e-12);
    }

    @Test
    void foldsAndHoldoutNeedTracksToTestOn() {
        List<TrackSummaries.Track> onlyTrain = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            onlyTrain.add(new TrackSummaries.Track(i % 2, Split.TRAIN, i % 2));
        }
        TrackSummaries tracks = new TrackSummaries(List.of("a", "b"), 3, onlyTrain,
                Map.of(Representation.LOGMEL, new double[6][2]));

        assertEquals("fold 2 of 3 has no tracks: the dataset is too small for its folds (prepare it with fewer --folds)",
                assertThrows(IllegalArgumentException.class, () -> Partition.folds(tracks)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Partition.holdout(tracks)).getMessage()
                .startsWith("the dataset has no test tracks"));
    }

    @Test
    void theHoldoutTrainsOnTrainAndValidation() {
        List<TrackSummaries.Track> list = List.of(new TrackSummaries.Track(0, Split.TRAIN, 0),
                new TrackSummaries.Track(1, Split.VALIDATION, 1), new TrackSummaries.Track(0, Split.TEST, 1),
                new TrackSummaries.Track(1, Split.TRAIN, 0));
        TrackSummaries tracks = new TrackSummaries(List.of("a", "b"), 2, list,
                Map.of(Representation.LOGMEL, new double[4][2]));

        Partition holdout = Partition.holdout(tracks);

        assertArrayEquals(new int[] {0, 1, 3}, holdout.train());
        assertArrayEquals(new int[] {2}, holdout.test());
        assertArrayEquals(new int[] {1, 2}, Partition.folds(tracks).get(1).test());
    }
}
