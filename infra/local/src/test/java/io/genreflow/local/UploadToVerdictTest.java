package io.genreflow.local;

import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.testing.ReferenceVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads through the running stack with the real functions and the shipped models: what lands in
 * {@code verdicts/} is what the in-process classifier says about the same bytes.
 */
@QuarkusTest
@TestProfile(UploadToVerdictTest.VisibilityOutlastsHandlers.class)
@WithTestResource(TemporaryDataDir.class)
class UploadToVerdictTest {

    /**
     * Visibility timeouts longer than any handler runs here, as Lambda requires of an event source:
     * the tests' default of one second would redeliver a 4-minute track's event while it is still
     * being split (redelivery has tests of its own).
     */
    public static final class VisibilityOutlastsHandlers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("genreflow.queues.visibility-timeout", "30S",
                    "genreflow.queues.uploads-visibility-timeout", "20S");
        }
    }

    private static final Duration TRACK_TIMEOUT = Duration.ofMinutes(2);
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @ConfigProperty(name = "genreflow.data-dir")
    Path dataDir;

    @ConfigProperty(name = "genreflow.models.manifest")
    Path manifest;

    private RunningStack stack;

    @BeforeEach
    void connect() {
        stack = RunningStack.connect(dataDir);
    }

    @AfterEach
    void disconnect() {
        stack.close();
    }

    @Test
    void aThirtySecondUploadGetsTheVerdictTheLocalClassifierComputes() throws Exception {
        byte[] wav = GeneratedAudio.musicWav(30.0, 1);

        SourceObject upload = stack.upload("thirty seconds.wav", wav);
        Verdict verdict = stack.awaitVerdict(upload, TRACK_TIMEOUT);

        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "thirty seconds.wav", manifest), verdict);
        assertFalse(verdict.degraded(), "every representation took part");
        TrackRecord record = stack.awaitFinished(upload.trackId(), TRACK_TIMEOUT);
        assertEquals(TrackStatus.DONE, record.status());
        assertEquals(verdict, stack.read(S3Keys.verdict(upload.trackId()), Verdict.class).orElseThrow());
    }

    @Test
    void aFourMinuteTrackHasATimelineEntryForEveryPlannedSnippet() {
        SourceObject upload = stack.upload("four minutes.wav", GeneratedAudio.musicWav(240.0, 2));

        Verdict verdict = stack.awaitVerdict(upload, Duration.ofMinutes(5));

        TrackRecord record = stack.awaitFinished(upload.trackId(), TRACK_TIMEOUT);
        assertEquals(TrackStatus.DONE, record.status());
        int snippets = record.snippets().snippets().size();
        assertTrue(snippets > 200, "a 4-minute track at a 1 s hop plans hundreds of snippets, got " + snippets);
        assertEquals(snippets, verdict.timeline().size());
        for (int s = 0; s < snippets; s++) {
            assertEquals(s, verdict.timeline().get(s).snippet());
        }
        assertTrue(record.expectedPartials().values().stream().allMatch(batches -> batches > 1),
                "the track was fanned out in several batches per representation: " + record.expectedPartials());
        assertEquals(expectedResultKeys(record), resultKeys(record));
    }

    @Test
    void aOneSecondTrackGetsAVerdict() throws Exception {
        byte[] wav = GeneratedAudio.musicWav(1.0, 3);

        SourceObject upload = stack.upload("one second.wav", wav);

        Verdict verdict = stack.awaitVerdict(upload, TRACK_TIMEOUT);
        assertEquals(1, verdict.timeline().size());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "one second.wav", manifest), verdict);
    }

    @Test
    void aDuplicatedUploadEventMakesOneVerdictFromResultsStoredOnce() throws Exception {
        byte[] wav = GeneratedAudio.musicWav(8.0, 4);
        SourceObject upload = stack.upload("twice announced.wav", wav);
        stack.send("uploads", stack.event(upload));

        Verdict verdict = stack.awaitVerdict(upload, TRACK_TIMEOUT);
        stack.awaitQueuesIdle(TRACK_TIMEOUT);

        TrackRecord record = stack.awaitFinished(upload.trackId(), TRACK_TIMEOUT);
        assertEquals(TrackStatus.DONE, record.status());
        assertEquals(expectedResultKeys(record), resultKeys(record), "one result per batch, no failure notes");
        assertEquals(List.of(S3Keys.verdictForUpload(upload.key())),
                stack.keysUnder(S3Keys.verdictForUpload(upload.key())));
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "twice announced.wav", manifest), verdict);
        assertEquals(verdict, stack.read(S3Keys.verdictForUpload(upload.key()), Verdict.class).orElseThrow(),
                "the verdict did not change after the duplicate was handled");
    }

    @Test
    void theAwsCliUploadsAFileAndReadsItsVerdictBack(@TempDir Path work) throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "assumes the AWS CLI at " + AWS_CLI + " (Debian's awscli package)");
        byte[] wav = GeneratedAudio.musicWav(5.0, 5);
        Path file = Files.write(work.resolve("cli.wav"), wav);
        String bucket = "s3://" + stack.bucket() + "/";

        awsCli(work, "s3", "cp", file.toString(), bucket + "uploads/cli.wav");
        SourceObject upload = stack.stored("cli.wav");
        stack.awaitVerdict(upload, TRACK_TIMEOUT);
        String printed = awsCli(work, "s3", "cp", bucket + "verdicts/cli.wav.json", "-");

        Verdict verdict = ContractJson.read(printed, Verdict.class);
        assertEquals(upload.trackId(), verdict.trackId());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "cli.wav", manifest), verdict);
    }

    /** Runs the AWS CLI against the stack with only the credentials of endpoints.json; returns its output. */
    private String awsCli(Path work, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS_CLI.toString(), "--endpoint-url",
                stack.endpoints.s3Endpoint()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(false);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", stack.endpoints.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", stack.endpoints.secretAccessKey());
        environment.put("AWS_DEFAULT_REGION", stack.endpoints.region());
        environment.put("AWS_CONFIG_FILE", Files.writeString(work.resolve("aws-config"), "").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", Files.writeString(work.resolve("aws-credentials"), "").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_PAGER", "");
        Path errors = work.resolve("aws-stderr.txt");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the AWS CLI did not finish: " + command);
        assertEquals(0, process.exitValue(), "aws " + String.join(" ", arguments) + " failed: "
                + Files.readString(errors));
        return output;
    }

    private TreeSet<String> resultKeys(TrackRecord record) {
        TreeSet<String> keys = new TreeSet<>(stack.keysUnder(S3Keys.work(record.trackId())));
        keys.remove(S3Keys.pcm(record.trackId()));
        return keys;
    }

    private static TreeSet<String> expectedResultKeys(TrackRecord record) {
        TreeSet<String> keys = new TreeSet<>();
        record.expectedPartials().forEach((representation, batches) -> {
            for (int batch = 0; batch < batches; batch++) {
                keys.add(S3Keys.partialResult(record.trackId(), Representation.fromId(representation), batch));
            }
        });
        return keys;
    }
}
