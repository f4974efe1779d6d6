package io.genreflow.local.notifier;

import io.genreflow.contracts.SourceObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which object versions (key and ETag) already had their upload event sent, kept in a file so the
 * notifier's bucket scans never announce an object twice, across restarts too.
 *
 * <p>One line per announcement, {@code <ETag> TAB <key>}: upload keys hold no control characters
 * (see {@link io.genreflow.contracts.S3Keys#isUpload}), so the tab is unambiguous. Lines are only
 * appended while running; {@link #retainOnly} rewrites the file, dropping versions that are gone.
 */
final class AnnouncementLedger {

    private final Path file;
    private final Set<String> announced = new HashSet<>();

    private AnnouncementLedger(Path file) {
        this.file = file;
    }

    /** The ledger kept in {@code file}, empty when the file does not exist yet. */
    static AnnouncementLedger open(Path file) {
        AnnouncementLedger ledger = new AnnouncementLedger(file);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.indexOf('\t') > 0) {
                        ledger.announced.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload notifier's ledger " + file, e);
        }
        return ledger;
    }

    /** Whether this object version was announced. */
    synchronized boolean contains(SourceObject version) {
        return announced.contains(entry(version));
    }

    /** Notes that this object version was announced. */
    synchronized void record(SourceObject version) {
        String entry = entry(version);
        if (announced.add(entry)) {
            try {
                Files.writeString(file, entry + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
            } catch (IOException e) {
                announced.remove(entry);
                throw new UncheckedIOException("cannot write the upload notifier's ledger " + file, e);
            }
        }
    }

    /** Keeps only the given versions, forgetting objects deleted or overwritten since. */
    synchronized void retainOnly(Collection<SourceObject> current) {
        Set<String> keep = new HashSet<>();
        for (SourceObject version : current) {
            keep.add(entry(version));
        }
        announced.retainAll(keep);
        try {
            Path draft = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(draft, announced.stream().sorted().toList(), StandardCharsets.UTF_8);
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the upload notifier's ledger " + file, e);
        }
    }

    private static String entry(SourceObject version) {
        return version.eTag() + "\t" + version.key();
    }
}
