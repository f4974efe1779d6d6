package io.genreflow.model;

import io.genreflow.manifest.ModelOutput;
import io.genreflow.manifest.RepresentationModel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genreflow.manifest.Normalisation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepresentationModelTest {

    private static final String SHA = "0".repeat(64);

    @Test
    void anImmutableShapeListIsAccepted() {
        RepresentationModel model = new RepresentationModel("logmel.onnx", SHA, List.of(-1L, 130L, 128L), "gru",
                ModelOutput.LOGITS, Normalisation.scalar(0, 1), Map.of());

        assertArrayEquals(new long[] {130, 128}, model.snippetShape());
    }

    @Test
    void aShapeWithANullDimensionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RepresentationModel("logmel.onnx", SHA,
                Arrays.asList(-1L, null, 128L), "gru", ModelOutput.LOGITS, Normalisation.scalar(0, 1), Map.of()));
    }
}
