package io.genreflow.training.prepare;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that they appear whole or not at all: the content goes to a temporary name
 * beside the target ({@value #TEMPORARY_SUFFIX}) and is renamed over it, which POSIX file systems
 * do atomically. A process killed mid-write leaves only the temporary file, which the next run removes.
 */
final class AtomicFiles {

    /** Ending of the names files have while they are being written. */
    static final String TEMPORARY_SUFFIX = ".tmp";

    /** Writes text into a file. */
    interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private AtomicFiles() {
    }

    /** The temporary name {@code target} is written under. */
    static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
    }

    /** Moves a completely written temporary file to its final name. */
    static void commit(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes UTF-8 text to {@code target} atomically. */
    static void writeText(Path target, Content content) throws IOException {
        Path temporary = temporary(target);
        try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            content.writeTo(writer);
        }
        commit(temporary, target);
    }

    /** Writes bytes to {@code target} atomically. */
    static void writeBytes(Path target, byte[] bytes) throws IOException {
        Path temporary = temporary(target);
        Files.write(temporary, bytes);
        commit(temporary, target);
    }
}
