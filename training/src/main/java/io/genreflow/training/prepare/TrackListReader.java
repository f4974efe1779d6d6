package io.genreflow.training.prepare;

import io.genreflow.training.csv.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the labelled tracks of an input: a folder with one sub-folder per label (the GTZAN layout),
 * or a CSV manifest naming each file and its label (and optionally its group). Labels are sorted
 * alphabetically; tracks keep a fixed order (folder: by label, then path; manifest: its row order)
 * so that the same input always gives the same rows.
 */
public final class TrackListReader {

    /** File name endings taken as audio in a label folder; the decoder then detects the format from the bytes. */
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "wave", "mp3", "flac", "ogg", "oga", "au", "snd", "aif", "aiff", "aifc");

    private TrackListReader() {
    }

    /**
     * The tracks in {@code folder}: every audio file under each non-hidden sub-folder, recursively,
     * labelled with the sub-folder's name. Files that are not audio (by extension) and hidden files
     * are ignored.
     */
    public static TrackList fromFolder(Path folder) throws IOException, PrepareException {
        if (!Files.isDirectory(folder)) {
            throw new PrepareException(folder + " is not a folder");
        }
        List<Path> labelFolders;
        try (Stream<Path> children = Files.list(folder)) {
            labelFolders = children.filter(Files::isDirectory).filter(path -> !hidden(path)).sorted().toList();
        }
        if (labelFolders.size() < 2) {
            throw new PrepareException(folder + " holds " + labelFolders.size() + " label folder(s); it needs one sub-folder"
                    + " per label, at least two, each with that label's audio files");
        }
        List<String> labels = labelFolders.stream().map(path -> path.getFileName().toString()).toList();
        List<InputTrack> tracks = new ArrayList<>();
        for (int label = 0; label < labelFolders.size(); label++) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(labelFolders.get(label))) {
                files = walk.filter(Files::isRegularFile).filter(TrackListReader::isAudioName)
                        .filter(path -> !hiddenBelow(folder, path)).toList();
            }
            List<String> relative = files.stream().map(path -> slashed(folder.relativize(path))).sorted().toList();
            if (relative.isEmpty()) {
                throw new PrepareException("label folder " + labelFolders.get(label) + " holds no audio files (looked for "
                        + new TreeSet<>(AUDIO_EXTENSIONS) + ")");
            }
            for (String path : relative) {
                tracks.add(new InputTrack(folder.resolve(path), path, label, ""));
            }
        }
        return new TrackList(labels, tracks);
    }

    /**
     * The tracks a CSV manifest lists.
     *
     * @param csv         the manifest, with a header line
     * @param pathColumn  column holding each file's path, relative to {@code audioRoot} unless absolute
     * @param labelColumn column holding each file's label
     * @param groupColumn column holding each file's group, or null; an empty value means no group
     * @param audioRoot   folder the paths are relative to
     */
    public static TrackList fromCsv(Path csv, String pathColumn, String labelColumn, String groupColumn, Path audioRoot)
            throws IOException, PrepareException {
        if (!Files.isRegularFile(csv)) {
            throw new PrepareException(csv + " is not a file");
        }
        CsvTable table;
        int pathIndex;
        int labelIndex;
        int groupIndex;
        try {
            table = CsvTable.read(csv);
            pathIndex = table.column(pathColumn, csv.toString());
            labelIndex = table.column(labelColumn, csv.toString());
            groupIndex = groupColumn == null ? -1 : table.column(groupColumn, csv.toString());
        } catch (IOException e) {
            throw new PrepareException(e.getMessage(), e);
        }
        TreeSet<String> labelSet = new TreeSet<>();
        for (CsvTable.Row row : table.rows()) {
            String label = row.get(labelIndex).strip();
            if (label.isEmpty()) {
                throw new PrepareException(csv + " line " + row.line() + " has no " + labelColumn);
            }
            labelSet.add(label);
        }
        List<String> labels = List.copyOf(labelSet);
        List<InputTrack> tracks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String path = row.get(pathIndex).strip();
            if (path.isEmpty()) {
                throw new PrepareException(csv + " line " + row.line() + " has no " + pathColumn);
            }
            Path file;
            try {
                file = audioRoot.resolve(path);
            } catch (InvalidPathException e) {
                throw new PrepareException(csv + " line " + row.line() + ": '" + path + "' is not a usable path");
            }
            if (!Files.isRegularFile(file)) {
                missing.add(file.toString());
            }
            String group = groupIndex < 0 ? "" : row.get(groupIndex).strip();
            tracks.add(new InputTrack(file, path, labels.indexOf(row.get(labelIndex).strip()), group));
        }
        if (!missing.isEmpty()) {
            throw new PrepareException(missing.size() + " file(s) listed in " + csv + " do not exist, e.g. " + missing.get(0)
                    + "; paths are read relative to " + audioRoot + " (set it with --audio-root)");
        }
        try {
            return new TrackList(labels, tracks);
        } catch (IllegalArgumentException e) {
            throw new PrepareException(csv + ": " + e.getMessage());
        }
    }

    private static boolean isAudioName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static boolean hiddenBelow(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String slashed(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
