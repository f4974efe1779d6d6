package io.genreflow.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.json.Json;
import org.junit.jupiter.api.Test;

class SnippetPlanJsonTest {

    @Test
    void roundTripsThroughTheSharedMapper() throws Exception {
        float[] signal = new float[6 * 22050];
        for (int i = 3 * 22050; i < signal.length; i++) {
            signal[i] = (float) (0.3 * Math.sin(i * 0.05));
        }
        SnippetPlan plan = SnippetPlanner.plan(SnippetParams.defaults(), 22050, 1, signal);

        String json = Json.mapper().writeValueAsString(plan);
        SnippetPlan back = Json.mapper().readValue(json, SnippetPlan.class);

        assertEquals(plan, back);
        assertTrue(json.contains("\"silent\":true"), json);
        assertTrue(json.contains("\"rmsDbfs\":-150.0"), json);
    }
}
