package io.genreflow.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.testing.SettingsDocumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    private static DashboardSettings from(Map<String, String> values) {
        return DashboardSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void everySettingIsDocumented() {
        SettingsDocumentation.assertDocumented(DashboardSettings.DEFINITIONS);
    }

    @Test
    void defaultsFillInAroundTheBucket() {
        DashboardSettings settings = from(Map.of("genreflow.bucket", "b"));

        assertEquals("b", settings.bucket());
        assertEquals("uploads", settings.queues().uploads());
        assertEquals(Path.of("models/manifest.json"), settings.manifest());
        assertEquals(2L << 30, settings.maxUploadBytes());
        assertEquals(Duration.ofMinutes(15), settings.playbackUrlLifetime());
        assertEquals(50, settings.pageSize());
        assertEquals(0.5, settings.uncertainBelow());
    }

    @Test
    void settingsAreReadByTheirNames() {
        DashboardSettings settings = from(Map.of("genreflow.bucket", "b", "genreflow.queues.prefix", "gf-",
                "genreflow.dashboard.page-size", "20", "genreflow.dashboard.playback-url-seconds", "60",
                "genreflow.dashboard.uncertain-below", "0.7"));

        assertEquals("gf-uploads", settings.queues().uploads());
        assertEquals(20, settings.pageSize());
        assertEquals(Duration.ofMinutes(1), settings.playbackUrlLifetime());
        assertEquals(0.7, settings.uncertainBelow());
    }

    @Test
    void aMissingBucketOrABadValueNamesTheSetting() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> from(Map.of()));
        assertTrue(missing.getMessage().contains("GENREFLOW_BUCKET"), missing.getMessage());

        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("genreflow.bucket", "b", "genreflow.dashboard.page-size", "501")));
        assertTrue(tooBig.getMessage().contains("genreflow.dashboard.page-size"), tooBig.getMessage());

        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("genreflow.bucket", "b", "genreflow.dashboard.uncertain-below", "half")));
        assertTrue(notANumber.getMessage().contains("GENREFLOW_DASHBOARD_UNCERTAIN_BELOW"), notANumber.getMessage());
    }
}
