package io.genreflow.training.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files {@code genreflow classify} works through: each file named, and every regular file
 * under each folder named, in name order. Every file is tried whatever its extension, since the
 * format is told from the bytes; what is not audio is reported, not skipped.
 */
final class AudioFiles {

    private AudioFiles() {
    }

    /**
     * One entry per file found; a name that is neither a file nor a readable folder becomes an entry
     * with the problem instead.
     */
    static List<Entry> expand(List<String> names) {
        List<Entry> entries = new ArrayList<>();
        for (String name : names) {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(file -> entries.add(new Entry(file, null)));
                } catch (IOException | UncheckedIOException e) {
                    entries.add(new Entry(path, "cannot list the folder: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                entries.add(new Entry(path, null));
            } else {
                entries.add(new Entry(path, Files.exists(path) ? "not a regular file or folder" : "no such file or folder"));
            }
        }
        return entries;
    }

    /**
     * A file to classify.
     *
     * @param path    where it is
     * @param problem why it cannot even be opened, or null
     */
    record Entry(Path path, String problem) {
    }
}
