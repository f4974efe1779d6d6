package io.genreflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pcm.PcmRange;
import io.genreflow.scoring.SnippetScorer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The model set in {@code models/} is what {@code classify} and the functions load by default: its
 * manifest must validate, every file must match its checksum, and every model must accept exactly
 * the tensors the serving feature code makes from the manifest's parameters.
 */
class ShippedModelsTest {

    private static final Path MANIFEST = Path.of("../models/manifest.json").toAbsolutePath().normalize();

    @Test
    void everyShippedModelLoadsAndScoresServingFeatures() throws Exception {
        ModelManifest manifest = ModelManifest.load(MANIFEST);
        int rate = manifest.features().sampleRate();
        float[] track = new float[5 * rate];
        Random random = new Random(1);
        for (int i = 0; i < track.length; i++) {
            track[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate) + 0.05 * random.nextGaussian());
        }

        for (String id : manifest.representations().keySet()) {
            try (OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(MANIFEST, Representation.fromId(id),
                    OnnxSnippetClassifier.Options.defaults())) {
                float[][] scores = new SnippetScorer(classifier, 4).score(PcmRange.whole(track), new long[] {0, rate});

                assertEquals(2, scores.length, id);
                for (float[] row : scores) {
                    assertEquals(manifest.labels().size(), row.length, id);
                    double sum = 0;
                    for (float p : row) {
                        assertTrue(p >= 0 && p <= 1, id + " probability " + p);
                        sum += p;
                    }
                    assertEquals(1, sum, 1e-4, id);
                }
            }
        }
    }
}
