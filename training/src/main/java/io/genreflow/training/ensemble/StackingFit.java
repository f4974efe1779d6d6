package io.genreflow.training.ensemble;

import io.genreflow.manifest.EnsembleSpec;

import java.util.List;
import java.util.Map;

/**
 * Fits the stacking meta-classifier: a {@link LogisticRegression} from the concatenated
 * per-representation validation track scores to the true label, every track weighing the same.
 */
public final class StackingFit {

    /**
     * A moderate default for λ: inputs are probabilities in [0, 1] and validation sets are small
     * (tens to hundreds of tracks), where an unpenalised fit would mostly memorise them.
     */
    public static final double DEFAULT_L2 = 1e-2;

    private StackingFit() {
    }

    /**
     * Fits the meta-classifier.
     *
     * @param validationScores representation id to one score row per validation track
     * @param inputs           which representations to stack, in the order they are concatenated
     * @param labels           the true label index of each validation track
     * @param labelCount       the number of labels
     * @param l2               the L2 penalty λ on the weights; must be positive
     */
    public static EnsembleSpec.StackingSpec fit(Map<String, double[][]> validationScores, List<String> inputs,
                                                int[] labels, int labelCount, double l2) {
        ValidationSet data = new ValidationSet(validationScores, labels, labelCount);
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("stacking needs at least one input representation");
        }
        for (String input : inputs) {
            if (!data.scores.containsKey(input)) {
                throw new IllegalArgumentException("no validation scores for stacking input '" + input + "'");
            }
        }
        LogisticRegression model = LogisticRegression.fit(features(data, inputs), data.labels, labelCount, l2);
        return new EnsembleSpec.StackingSpec(inputs, model.weights(), model.bias());
    }

    private static double[][] features(ValidationSet data, List<String> inputs) {
        int tracks = data.labels.length;
        int width = inputs.size() * data.labelCount;
        double[][] features = new double[tracks][width];
        for (int i = 0; i < tracks; i++) {
            int offset = 0;
            for (String input : inputs) {
                System.arraycopy(data.scores.get(input)[i], 0, features[i], offset, data.labelCount);
                offset += data.labelCount;
            }
        }
        return features;
    }
}
