package io.genreflow.training.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Byte-for-byte comparison of two folder trees. */
final class FolderContents {

    private FolderContents() {
    }

    static void assertIdentical(Path expected, Path actual) throws IOException {
        List<String> expectedFiles = files(expected);
        assertEquals(expectedFiles, files(actual), "the same files");
        for (String file : expectedFiles) {
            assertEquals(-1L, Files.mismatch(expected.resolve(file), actual.resolve(file)), file + " differs");
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }
}
