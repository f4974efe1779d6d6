package io.genreflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The tiny ONNX models of genreflow-fixtures (written by
 * {@code functions/fixtures/src/fixtures-src/make-test-models.py}) and an independent Java implementation of them.
 */
final class TestModels {

    static final int TIME = 6;
    static final int FEATURES = 5;
    static final int LABELS = 3;

    private TestModels() {
    }

    /** The committed fixture directory (genreflow-fixtures). */
    static Path directory() {
        return FixtureModels.directory();
    }

    static Path manifest(String name) {
        return FixtureModels.manifest(name);
    }

    /** Copies every fixture into {@code target} so a test may alter or delete files. */
    static Path copyInto(Path target) throws IOException {
        return FixtureModels.copyInto(target);
    }

    /** Rewrites a manifest in place after {@code change} edits its JSON tree. */
    static Path edit(Path manifestJson, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(manifestJson.toFile());
        change.accept(tree);
        Json.mapper().writeValue(manifestJson.toFile(), tree);
        return manifestJson;
    }

    /** The committed manifest's JSON tree, for parse-only tests. */
    static ObjectNode manifestTree() {
        try {
            return (ObjectNode) Json.mapper().readTree(manifest("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gaussian snippets shaped [batch][TIME][FEATURES] from a fixed seed. */
    static float[][][] snippets(int batch, long seed) {
        Random random = new Random(seed);
        float[][][] snippets = new float[batch][TIME][FEATURES];
        for (float[][] snippet : snippets) {
            for (float[] row : snippet) {
                for (int f = 0; f < FEATURES; f++) {
                    row[f] = (float) (random.nextGaussian() * 2);
                }
            }
        }
        return snippets;
    }

    /** The weights a fixture model was generated with. */
    record LinearModel(double[][] weights, double[] bias) {

        static LinearModel of(String onnxFile) throws IOException {
            JsonNode node = Json.mapper().readTree(manifest("weights.json").toFile()).get(onnxFile);
            return Json.mapper().treeToValue(node, LinearModel.class);
        }

        /** softmax(W^T mean_t(x) + b), the function every fixture model computes before any softmax. */
        double[] probabilities(float[][] snippet) {
            double[] logits = bias.clone();
            for (int f = 0; f < weights.length; f++) {
                double mean = 0;
                for (float[] row : snippet) {
                    mean += row[f];
                }
                mean /= snippet.length;
                for (int label = 0; label < logits.length; label++) {
                    logits[label] += mean * weights[f][label];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double logit : logits) {
                max = Math.max(max, logit);
            }
            double sum = 0;
            double[] exp = new double[logits.length];
            for (int label = 0; label < logits.length; label++) {
                exp[label] = Math.exp(logits[label] - max);
                sum += exp[label];
            }
            for (int label = 0; label < logits.length; label++) {
                exp[label] /= sum;
            }
            return exp;
        }
    }
}
