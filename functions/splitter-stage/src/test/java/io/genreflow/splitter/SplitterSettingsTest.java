package io.genreflow.splitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.split.SplitLimits;
import io.genreflow.testing.SettingsDocumentation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplitterSettingsTest {

    @Test
    void everySettingIsDocumented() {
        SettingsDocumentation.assertDocumented(SplitterSettings.DEFINITIONS);
    }

    @Test
    void onlyTheBucketMustBeSetAndTheRestHasItsDefaults() {
        SplitterSettings settings = SplitterSettings.from(name -> Optional.ofNullable(
                Map.of("genreflow.bucket", "b").get(name)));

        assertEquals("b", settings.bucket());
        assertEquals("uploads", settings.queues().uploads());
        assertEquals(Path.of("models/manifest.json"), settings.manifest());
        assertEquals(SplitLimits.defaults(), settings.limits());
        assertEquals(32, settings.snippetsPerBatch());
    }

    @Test
    void valuesAreReadByTheirPropertyNames() {
        Map<String, String> values = Map.of("genreflow.bucket", "b", "genreflow.queues.prefix", "p-",
                "genreflow.models.manifest", "/m.json", "genreflow.splitter.max-bytes", "1000",
                "genreflow.splitter.max-duration-seconds", "2.5", "genreflow.splitter.snippets-per-batch", "4");

        SplitterSettings settings = SplitterSettings.from(name -> Optional.ofNullable(values.get(name)));

        assertEquals("p-uploads", settings.queues().uploads());
        assertEquals(Path.of("/m.json"), settings.manifest());
        assertEquals(new SplitLimits(1000, 2.5), settings.limits());
        assertEquals(4, settings.snippetsPerBatch());
    }

    @Test
    void aMissingOrBadSettingIsNamedAsPropertyAndEnvironmentVariable() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SplitterSettings.from(name -> Optional.empty()));
        assertTrue(missing.getMessage().startsWith("genreflow.bucket (GENREFLOW_BUCKET) is required"),
                missing.getMessage());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SplitterSettings.from(
                name -> Optional.of(name.equals("genreflow.splitter.snippets-per-batch") ? "many" : "1")));
        assertEquals("genreflow.splitter.snippets-per-batch (GENREFLOW_SPLITTER_SNIPPETS_PER_BATCH): 'many' is not"
                + " a whole number", bad.getMessage());
    }
}
