package io.genreflow.training.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackListReaderTest {

    @TempDir
    Path root;

    @Test
    void aFolderGivesSortedLabelsAndTracksAndIgnoresWhatIsNotAudio() throws Exception {
        for (String path : List.of("rock/b.wav", "rock/a.MP3", "rock/live/c.flac", "jazz/z.ogg", "jazz/notes.txt",
                "jazz/.hidden.wav", "rock/.cache/d.wav", ".git/e.wav", "manifest.csv")) {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), "x");
        }
        TrackList list = TrackListReader.fromFolder(root);
        assertEquals(List.of("jazz", "rock"), list.labels());
        assertEquals(List.of("jazz/z.ogg", "rock/a.MP3", "rock/b.wav", "rock/live/c.flac"),
                list.tracks().stream().map(InputTrack::path).toList());
        assertEquals(List.of(0, 1, 1, 1), list.tracks().stream().map(InputTrack::label).toList());
        assertEquals(root.resolve("rock/live/c.flac"), list.tracks().get(3).file());
        assertEquals("", list.tracks().get(0).group());
    }

    @Test
    void aFolderWithoutEnoughLabelsOrAudioIsRefused() throws IOException {
        Files.createDirectories(root.resolve("only"));
        Files.writeString(root.resolve("only/a.wav"), "x");
        assertTrue(assertThrows(PrepareException.class, () -> TrackListReader.fromFolder(root)).getMessage()
                .contains("1 label folder(s)"));
        Files.createDirectories(root.resolve("empty"));
        assertTrue(assertThrows(PrepareException.class, () -> TrackListReader.fromFolder(root)).getMessage()
                .contains("holds no audio files"));
    }

    @Test
    void aManifestNamesPathsLabelsAndGroups() throws Exception {
        Path audio = Files.createDirectories(root.resolve("audio"));
        for (String name : List.of("1.wav", "2.wav", "3.wav")) {
            Files.writeString(audio.resolve(name), "x");
        }
        Path csv = Files.writeString(root.resolve("list.csv"),
                "path,genre,artist,extra\naudio/3.wav,pop,A,x\naudio/1.wav,blues,,y\n\"audio/2.wav\",pop,A,z\n");
        TrackList list = TrackListReader.fromCsv(csv, "path", "genre", "artist", root);
        assertEquals(List.of("blues", "pop"), list.labels());
        assertEquals(List.of("audio/3.wav", "audio/1.wav", "audio/2.wav"), list.tracks().stream().map(InputTrack::path).toList());
        assertEquals(List.of(1, 0, 1), list.tracks().stream().map(InputTrack::label).toList());
        assertEquals(List.of("A", "", "A"), list.groups());
        assertNotEquals(list.tracks().get(0).id(), list.tracks().get(1).id());
        assertEquals(16, list.tracks().get(0).id().length());
        assertEquals(list.tracks().get(0).id(), new InputTrack(Path.of("elsewhere"), "audio/3.wav", 0, "").id(), "the id is the path's");
    }

    @Test
    void aManifestsMistakesAreNamed() throws IOException {
        Files.writeString(root.resolve("a.wav"), "x");
        Path missingColumn = Files.writeString(root.resolve("m1.csv"), "path,genre\na.wav,pop\nb.wav,rock\n");
        assertEquals(missingColumn + " has no column 'label'; its columns are [path, genre]", assertThrows(PrepareException.class,
                () -> TrackListReader.fromCsv(missingColumn, "path", "label", null, root)).getMessage());
        PrepareException missingFile = assertThrows(PrepareException.class,
                () -> TrackListReader.fromCsv(missingColumn, "path", "genre", null, root));
        assertTrue(missingFile.getMessage().startsWith("1 file(s) listed in " + missingColumn + " do not exist, e.g. "
                + root.resolve("b.wav")), missingFile.getMessage());
        Path twice = Files.writeString(root.resolve("m2.csv"), "path,label\na.wav,pop\na.wav,rock\n");
        assertTrue(assertThrows(PrepareException.class, () -> TrackListReader.fromCsv(twice, "path", "label", null, root))
                .getMessage().contains("listed twice"));
        Path noLabel = Files.writeString(root.resolve("m3.csv"), "path,label\na.wav, \n");
        assertEquals(noLabel + " line 2 has no label", assertThrows(PrepareException.class,
                () -> TrackListReader.fromCsv(noLabel, "path", "label", null, root)).getMessage());
    }

    @Test
    void theDigestChangesWithTheTracks() {
        InputTrack a = new InputTrack(Path.of("a"), "a.wav", 0, "");
        InputTrack b = new InputTrack(Path.of("b"), "b.wav", 1, "");
        String digest = new TrackList(List.of("x", "y"), List.of(a, b)).digest();
        assertEquals(digest, new TrackList(List.of("x", "y"), List.of(a, b)).digest());
        assertNotEquals(digest, new TrackList(List.of("x", "y"), List.of(b, a)).digest());
        assertNotEquals(digest, new TrackList(List.of("x", "y"), List.of(a, new InputTrack(Path.of("b"), "b.wav", 1, "g"))).digest());
    }
}
