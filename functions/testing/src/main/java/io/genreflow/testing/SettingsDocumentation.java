package io.genreflow.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.settings.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that {@code docs/settings.md} documents a function's settings exactly as they are defined:
 * one table row per setting with its name, environment variable, default and description.
 */
public final class SettingsDocumentation {

    /** The document, relative to the repository root. */
    public static final String DOCUMENT = "docs/settings.md";

    private SettingsDocumentation() {
    }

    /** The table row {@code setting} has in the document. */
    public static String row(Setting setting) {
        String defaultValue = setting.isRequired() ? "(required)"
                : setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
        return "| `" + setting.name() + "` | `" + setting.environmentVariable() + "` | " + defaultValue + " | "
                + setting.description() + " |";
    }

    /** Fails naming the row to add for every setting of {@code definitions} that the document lacks. */
    public static void assertDocumented(List<Setting> definitions) {
        String document = read();
        List<String> missing = definitions.stream().map(SettingsDocumentation::row)
                .filter(row -> !document.contains(row)).toList();
        assertTrue(missing.isEmpty(), DOCUMENT + " lacks (or has other words for) these rows:\n"
                + String.join("\n", missing));
    }

    private static String read() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path document = folder.resolve(DOCUMENT);
            if (Files.isRegularFile(document)) {
                try {
                    return Files.readString(document);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no " + DOCUMENT + " in the working folder or above it");
    }
}
