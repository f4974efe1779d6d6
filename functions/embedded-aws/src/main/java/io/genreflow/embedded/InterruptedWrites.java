package io.genreflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Clears what a killed S3 server leaves in its storage folder. S3Proxy's filesystem store writes
 * an object to {@code <key>-<random UUID>} beside its final file and renames it when complete;
 * a process killed in between leaves that file behind, and listings would show it as an object
 * holding a partial body. On S3 an upload that never completed does not exist, so these go.
 */
final class InterruptedWrites {

    private static final System.Logger LOG = System.getLogger(InterruptedWrites.class.getName());
    private static final Pattern PARTIAL = Pattern.compile(
            ".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private InterruptedWrites() {
    }

    /** Deletes every partial object file under {@code root}; returns the files deleted. */
    static List<Path> clear(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> partial = files.filter(Files::isRegularFile)
                    .filter(file -> PARTIAL.matcher(file.getFileName().toString()).matches())
                    .toList();
            for (Path file : partial) {
                Files.delete(file);
                LOG.log(System.Logger.Level.WARNING, "removed {0}, an upload the S3 server did not finish before"
                        + " it was stopped", root.relativize(file));
            }
            return partial;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear interrupted writes under " + root, e);
        }
    }
}
