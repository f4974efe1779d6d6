package io.genreflow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void theEnvironmentVariableIsMicroProfilesMappingOfTheName() {
        assertEquals("GENREFLOW_CLASSIFIER_ONNX_INTRA_OP_THREADS",
                Setting.optional("genreflow.classifier.onnx.intra-op-threads", 1, "threads").environmentVariable());
        assertThrows(IllegalArgumentException.class,
                () -> new Setting("genreflow.bucket", "BUCKET", null, "the bucket"));
        assertThrows(IllegalArgumentException.class, () -> Setting.required("Genreflow Bucket", "the bucket"));
    }

    @Test
    void aBlankValueCountsAsUnset() {
        Setting prefix = Setting.optional("genreflow.queues.prefix", "", "prefix");
        Setting bucket = Setting.required("genreflow.bucket", "the bucket");

        assertEquals("", prefix.value(name -> Optional.of("  ")));
        assertThrows(IllegalArgumentException.class, () -> bucket.value(name -> Optional.of(" ")));
        assertEquals("b", bucket.value(name -> Optional.of("b")));
    }

    @Test
    void anEnvironmentSourceReadsEachSettingFromItsVariable() {
        Setting threads = Setting.optional("genreflow.classifier.onnx.intra-op-threads", 1, "threads");
        Setting bucket = Setting.required("genreflow.bucket", "the bucket");
        var source = Setting.environmentSource(Map.of("GENREFLOW_CLASSIFIER_ONNX_INTRA_OP_THREADS", "4",
                "genreflow.bucket", "not the variable"));

        assertEquals(4, threads.intValue(source));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> bucket.value(source));
        assertTrue(missing.getMessage().contains("GENREFLOW_BUCKET"), missing.getMessage());
    }
}
