package io.genreflow.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.testing.SettingsDocumentation;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregatorSettingsTest {

    @Test
    void everySettingIsDocumented() {
        SettingsDocumentation.assertDocumented(AggregatorSettings.DEFINITIONS);
    }

    @Test
    void topKDefaultsToThreeAndIsReadByName() {
        assertEquals(3, AggregatorSettings.from(name -> Optional.ofNullable(Map.of("genreflow.bucket", "b").get(name)))
                .topK());
        assertEquals(5, AggregatorSettings.from(name -> Optional.ofNullable(
                Map.of("genreflow.bucket", "b", "genreflow.aggregator.top-k", "5").get(name))).topK());
    }
}
