package io.genreflow.training.classify;

import io.genreflow.fixtures.FixtureModels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.json.Json;
import io.genreflow.pipeline.LocalClassification;
import io.genreflow.pipeline.LocalTrackClassifier;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.UsageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    /**
     * The untrained, real-shaped fixture models of genreflow-fixtures (written by
     * functions/fixtures/src/fixtures-src/make-test-models.py).
     */
    private static final Path MODELS = FixtureModels.pipelineManifest().normalize();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeFiles() throws IOException {
        wav(folder.resolve("a.wav"), 2.0, 44_100, 1);
        wav(folder.resolve("more/b.wav"), 4.5, 22_050, 2);
        // A WAV cut off inside its header, as an interrupted copy leaves it.
        Files.write(folder.resolve("broken.wav"), Arrays.copyOf(Files.readAllBytes(folder.resolve("a.wav")), 30));
    }

    @Test
    void printsOneLinePerFileAVerdictOrTheReasonAndFailsWhenAnyFileFailed() throws Exception {
        int status = run("--models", MODELS.toString(), folder.toString());

        assertEquals(1, status);
        List<JsonNode> lines = lines();
        assertEquals(List.of(folder.resolve("a.wav").toString(), folder.resolve("broken.wav").toString(),
                folder.resolve("more/b.wav").toString()), lines.stream().map(line -> line.get("path").asText()).toList());
        assertTrue(lines.get(1).get("error").asText().startsWith("WAV: "), lines.get(1).toString());
        assertFalse(lines.get(1).has("genre"));
        try (LocalTrackClassifier direct = LocalTrackClassifier.load(MODELS, LocalTrackClassifier.Settings.defaults(),
                Clock.systemUTC())) {
            for (int i : new int[] {0, 2}) {
                Path file = Path.of(lines.get(i).get("path").asText());
                assertEquals(expectedLine(file, direct.classify(file)), lines.get(i));
            }
        }
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("classify: 2/3 " + folder.resolve("broken.wav") + ": failed: WAV: "), progress);
        assertTrue(progress.contains("classify: 2 of 3 files classified, 1 failed"), progress);
    }

    @Test
    void aVerdictLineHoldsGenreEnergyScoresPerRepresentationAndTheDuration() throws Exception {
        assertEquals(0, run("--models", MODELS.toString(), "--top-k", "2", folder.resolve("more/b.wav").toString()));

        JsonNode line = lines().get(0);
        assertEquals(2, line.get("topK").size());
        assertEquals(line.get("genre"), line.get("topK").get(0).get("label"));
        assertEquals(4.5, line.get("durationSeconds").asDouble());
        assertEquals("pipeline-test-1.0", line.get("modelVersion").asText());
        assertEquals(List.of("chroma", "logmel", "spectrogram", "waveform"), fieldNames(line.get("scores")));
        assertEquals(List.of("blues", "classical", "metal", "pop"), fieldNames(line.get("scores").get("logmel")));
        assertTrue(line.get("energy").get("descriptors").has("loudnessDb"));
        assertFalse(line.get("degraded").asBoolean());
        assertEquals(0, line.get("missing").size());
    }

    @Test
    void theOutputDoesNotDependOnTheThreadCount() throws Exception {
        run("--models", MODELS.toString(), "--threads", "1", folder.toString());
        String oneThread = out.toString(StandardCharsets.UTF_8);
        out.reset();

        run("--models", MODELS.toString(), "--threads", "3", folder.toString());

        assertEquals(oneThread, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNameThatIsNoFileGetsAnErrorLine() throws Exception {
        assertEquals(1, run("--models", MODELS.toString(), folder.resolve("missing.mp3").toString(),
                folder.resolve("a.wav").toString()));

        List<JsonNode> lines = lines();
        assertEquals("no such file or folder", lines.get(0).get("error").asText());
        assertTrue(lines.get(1).has("genre"));
    }

    @Test
    void aMissingManifestIsAClearFailure() {
        CommandException e = assertThrows(CommandException.class,
                () -> run("--models", folder.resolve("models/manifest.json").toString(), folder.toString()));

        assertTrue(e.getMessage().startsWith("model manifest not found: " + folder.resolve("models/manifest.json"))
                && e.getMessage().contains("point --models at the manifest.json"), e.getMessage());
    }

    @Test
    void filesAreRequiredAndCountsMustBePositive() {
        assertEquals("name at least one audio file or folder to classify",
                assertThrows(UsageException.class, () -> run("--models", MODELS.toString())).getMessage());
        assertEquals("--threads must be at least 1, got 0", assertThrows(UsageException.class,
                () -> run("--threads", "0", folder.toString())).getMessage());
    }

    private int run(String... words) throws Exception {
        ClassifyCommand command = new ClassifyCommand();
        return command.run(Arguments.parse(List.of(words), command.options()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    /** The line the command should print for {@code file}, from the pipeline's classification made directly. */
    private static JsonNode expectedLine(Path file, LocalClassification classification) {
        return Json.mapper().valueToTree(FileVerdict.of(file.toString(), classification));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A 16-bit WAV of tones and a click track, written by the JDK. */
    private static void wav(Path file, double seconds, int rate, int channels) throws IOException {
        int frames = (int) Math.round(seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double t = (double) i / rate;
            double click = i % (rate / 2) < 200 ? 0.3 : 0;
            short sample = (short) Math.round(32767 * (0.3 * Math.sin(2 * Math.PI * 330 * t)
                    + 0.2 * Math.sin(2 * Math.PI * 495 * t * (1 + t / 10)) + click));
            for (int c = 0; c < channels; c++) {
                pcm.putShort(sample);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        Files.createDirectories(file.getParent());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames),
                AudioFileFormat.Type.WAVE, file.toFile());
    }
}
