package io.genreflow.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final List<Option> OPTIONS = List.of(
            new Option("input", "PATH", "in"), new Option("hop-seconds", "S", "hop"), new Option("augment", "LIST", "variants"));

    @Test
    void readsBothSpellingsAndTypedValues() throws UsageException {
        Arguments arguments = Arguments.parse(List.of("--input", "a/b", "--hop-seconds=1.5", "--augment", " gain, noise ,"), OPTIONS);
        assertEquals(Path.of("a/b"), arguments.requiredPath("input"));
        assertEquals(1.5, arguments.number("hop-seconds", 1.0));
        assertEquals(Optional.of(List.of("gain", "noise")), arguments.list("augment"));
        assertEquals(Optional.empty(), Arguments.parse(List.of(), OPTIONS).list("augment"));
        assertEquals(7, Arguments.parse(List.of(), OPTIONS).integer("hop-seconds", 7));
        assertEquals(Optional.empty(), Arguments.parse(List.of(), OPTIONS).text("input"));
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertTrue(message(List.of("--inptu", "x")).startsWith("unknown option --inptu; the options are --input, "));
        assertEquals("--input is given twice", message(List.of("--input", "a", "--input", "b")));
        assertEquals("--input needs a value (PATH)", message(List.of("--input")));
        assertEquals("unexpected 'stray': options are written --name value", message(List.of("stray")));
        assertEquals("--hop-seconds takes a number, got 'fast'",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--hop-seconds", "fast"), OPTIONS)
                        .number("hop-seconds", 1)).getMessage());
        assertEquals("--input is required",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of(), OPTIONS).requiredText("input")).getMessage());
    }

    @Test
    void collectsOperandsOnlyForCommandsThatDeclareThem() throws UsageException {
        List<Option> withFiles = List.of(new Option("top-k", "K", "labels"), Option.operands("FILE", "files"));

        Arguments arguments = Arguments.parse(List.of("a.wav", "--top-k", "5", "music/", "b.mp3"), withFiles);

        assertEquals(List.of("a.wav", "music/", "b.mp3"), arguments.operands());
        assertEquals(5, arguments.integer("top-k", 3));
        assertEquals(List.of(), Arguments.parse(List.of("--input", "x"), OPTIONS).operands());
        assertTrue(assertThrows(UsageException.class, () -> Arguments.parse(List.of("--FILE", "x"), withFiles))
                .getMessage().endsWith("the options are --top-k"));
    }

    @Test
    void operandsAreNamedInUpperCaseAndShownAsTheyAreWritten() {
        Option files = Option.operands("FILE_OR_DIR", "audio files or folders");

        assertEquals("FILE_OR_DIR", files.flag());
        assertEquals("...", files.value());
        assertThrows(IllegalArgumentException.class, () -> Option.operands("files", "lower case"));
        assertThrows(IllegalArgumentException.class, () -> Arguments.parse(List.of(),
                List.of(Option.operands("A", "a"), Option.operands("B", "b"))));
    }

    private static String message(List<String> words) {
        return assertThrows(UsageException.class, () -> Arguments.parse(words, OPTIONS)).getMessage();
    }
}
