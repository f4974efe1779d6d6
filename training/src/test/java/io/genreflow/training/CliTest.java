package io.genreflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.training.cli.Option;
import io.genreflow.training.prepare.PrepareCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... words) {
        return Cli.run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listsTheCommands() {
        assertEquals(Cli.USAGE, run());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  prepare    turn labelled audio"));
        assertEquals(0, run("--help"));
    }

    @Test
    void refusesUnknownCommands() {
        assertEquals(Cli.USAGE, run("prepair"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("unknown command 'prepair'"));
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(0, run("prepare", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (Option option : new PrepareCommand().options()) {
            assertTrue(help.contains(option.flag() + " " + option.value()), option.flag());
        }
    }

    @Test
    void aWrongCommandLineExitsWithTheUsageStatus() throws Exception {
        assertEquals(Cli.USAGE, run("prepare", "--input", folder.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("genreflow prepare: --output is required\n"));
        err.reset();
        assertEquals(Cli.USAGE, run("prepare", "--input", folder.toString(), "--output", "o", "--group-column", "artist"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--group-column applies to a CSV manifest"));
        err.reset();
        assertEquals(Cli.USAGE, run("prepare", "--input", folder.toString(), "--output", "o", "--augment", "speed-1.1,echo"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown augmentation 'echo'"));
        err.reset();
        assertEquals(Cli.USAGE, run("prepare", "--input", folder.toString(), "--output", "o", "--hop-seconds", "4"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("hop must be positive and at most the snippet length"));
    }

    @Test
    void aFailedRunExitsWithTheFailureStatusAndSaysWhy() throws Exception {
        Path input = Files.createDirectories(folder.resolve("input/only"));
        Files.writeString(input.resolve("a.wav"), "x");
        assertEquals(Cli.FAILED, run("prepare", "--input", folder.resolve("input").toString(), "--output", folder.resolve("out").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("genreflow prepare failed: " + folder.resolve("input")
                + " holds 1 label folder(s)"), err.toString(StandardCharsets.UTF_8));
    }
}
