package io.genreflow.manifest;

import io.genreflow.json.Json;
import io.genreflow.manifest.EnsembleSpec.StackingSpec;
import io.genreflow.manifest.EnsembleSpec.Strategy;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnsembleSpecTest {

    private static StackingSpec stacking() {
        return new StackingSpec(List.of("logmel", "chroma"),
                new double[][] {{1, 2, 3, 4}, {-1, -2, -3, -4}}, new double[] {0.5, -0.5});
    }

    @Test
    void equalityComparesContentsNotArrayIdentity() {
        EnsembleSpec a = new EnsembleSpec(Strategy.STACKING, Map.of("logmel", new double[] {0.9, 0.1}), stacking());
        EnsembleSpec b = new EnsembleSpec(Strategy.STACKING, Map.of("logmel", new double[] {0.9, 0.1}), stacking());

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new EnsembleSpec(Strategy.STACKING, Map.of("logmel", new double[] {0.9, 0.2}), stacking()));
    }

    @Test
    void specIsImmutable() {
        double[] weights = {0.9, 0.1};
        Map<String, double[]> reliability = new LinkedHashMap<>();
        reliability.put("logmel", weights);
        EnsembleSpec spec = EnsembleSpec.selectiveActivation(reliability);

        weights[0] = 0;
        reliability.put("chroma", new double[] {1, 1});
        spec.reliability().get("logmel")[1] = 7;

        assertArrayEquals(new double[] {0.9, 0.1}, spec.reliability().get("logmel"), 0);
        assertEquals(List.of("logmel"), List.copyOf(spec.reliability().keySet()));
        StackingSpec stacking = stacking();
        stacking.weights()[0][0] = 99;
        stacking.bias()[0] = 99;
        assertEquals(stacking(), stacking);
    }

    @Test
    void activeRepresentationsAreThoseWithSomePositiveWeight() {
        Map<String, double[]> reliability = new LinkedHashMap<>();
        reliability.put("waveform", new double[] {0, 0});
        reliability.put("logmel", new double[] {0, 0.4});

        assertEquals(List.of("logmel"), EnsembleSpec.selectiveActivation(reliability).activeRepresentations());
        assertEquals(List.of(), EnsembleSpec.mean().activeRepresentations());
    }

    @Test
    void inconsistentSpecsAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new EnsembleSpec(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EnsembleSpec(Strategy.SELECTIVE_ACTIVATION, null, null));
        assertThrows(IllegalArgumentException.class, () -> EnsembleSpec.selectiveActivation(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new EnsembleSpec(Strategy.STACKING, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> EnsembleSpec.selectiveActivation(Map.of("logmel", new double[] {0.5, -0.1})));
        assertThrows(IllegalArgumentException.class,
                () -> EnsembleSpec.selectiveActivation(Map.of("logmel", new double[] {0.5, Double.NaN})));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> EnsembleSpec.selectiveActivation(Map.of("logmel", new double[] {0.5, 0.5},
                        "chroma", new double[] {0.5, 0.5, 0.5})));
        assertTrue(ragged.getMessage().contains("weights"), ragged.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EnsembleSpec.selectiveActivation(Map.of("mfcc", new double[] {0.5, 0.5})));
        assertTrue(unknown.getMessage().contains("mfcc"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new EnsembleSpec(Strategy.STACKING, Map.of("logmel", new double[] {1, 1, 1}), stacking()));
    }

    @Test
    void stackingShapesMustMatchInputsAndLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> new StackingSpec(List.of(), new double[2][0], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new StackingSpec(List.of("logmel", "logmel"), new double[2][4], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new StackingSpec(List.of("logmel", "chroma"), new double[2][3], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new StackingSpec(List.of("logmel", "chroma"), new double[3][4], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new StackingSpec(List.of("logmel"), new double[][] {{Double.POSITIVE_INFINITY, 0}, {0, 0}},
                        new double[2]));
    }

    @Test
    void roundTripsThroughTheSharedJsonMapperAsTheManifestStoresIt() throws Exception {
        Map<String, double[]> reliability = new LinkedHashMap<>();
        reliability.put("logmel", new double[] {0.9, 0.6});
        reliability.put("chroma", new double[] {0.4, 0.8});
        EnsembleSpec spec = new EnsembleSpec(Strategy.STACKING, reliability, stacking());

        String json = Json.mapper().writeValueAsString(spec);
        EnsembleSpec back = Json.mapper().readValue(json, EnsembleSpec.class);

        assertEquals(spec, back);
        assertEquals(List.of("logmel", "chroma"), List.copyOf(back.reliability().keySet()));
        EnsembleSpec manifestStyle = Json.mapper().readValue("""
                {"strategy": "SELECTIVE_ACTIVATION", "reliability": {"logmel": [0.9, 0.6], "chroma": [0.4, 0.8]},
                 "addedLater": true}""", EnsembleSpec.class);
        assertEquals(EnsembleSpec.selectiveActivation(reliability), manifestStyle);
    }
}
