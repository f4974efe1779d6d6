package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The synthesised templates match the snapshots in src/test/resources/snapshots, so any change to
 * the deployed resources shows up in review. Asset hashes, and the Lambda version ids derived from
 * them, are replaced by placeholders: they change with every build of a package. After an intended change, rewrite the snapshots with
 * {@code ./mvnw -pl infra/aws -am verify -Dgenreflow.snapshot.update=true} and commit the diff.
 */
class TemplateSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theDefaultDeploymentIsUnchanged() throws IOException {
        compare(Synthesized.DEFAULT, "default.template.json");
    }

    @Test
    void theContainerAndNativeVariantIsUnchanged() throws IOException {
        compare(Synthesized.VARIANT, "variant.template.json");
    }

    private static void compare(Synthesized synthesized, String name) throws IOException {
        String actual = normalised(synthesized);
        Path snapshot = SNAPSHOTS.resolve(name);
        if (Boolean.getBoolean("genreflow.snapshot.update")) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(snapshot, actual);
        }
        assertEquals(Files.exists(snapshot) ? Files.readString(snapshot) : "(no snapshot " + snapshot + "; run with "
                + "-Dgenreflow.snapshot.update=true)", actual, "the template of " + name
                + " drifted; if intended, update the snapshot (see this class's doc)");
    }

    static String normalised(Synthesized synthesized) throws IOException {
        return JSON.writeValueAsString(synthesized.template().toJSON())
                .replaceAll("[0-9a-f]{64}(\\.zip|\\.json)?", "<asset-hash>$1")
                .replaceAll("(CurrentVersion[0-9A-F]{8})[0-9a-f]{32}", "$1<code-hash>") + "\n";
    }
}
