package io.genreflow.local;

import io.genreflow.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged local stack ({@code quarkus-run.jar}) running as a child process on a given data
 * folder, with any free ports: started and stopped as a user would (SIGTERM), or killed (SIGKILL)
 * to play a crash. Where the jar and the models are comes from the system properties
 * {@code genreflow.stack.jar} and {@code genreflow.models.manifest} (the failsafe configuration
 * and the benchmark launcher set them).
 */
final class StackProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final Process process;
    private final Path log;
    private final Endpoints endpoints;
    private final S3Client s3;

    private StackProcess(Process process, Path log, Endpoints endpoints) {
        this.process = process;
        this.log = log;
        this.endpoints = endpoints;
        this.s3 = AwsClients.s3(Optional.of(URI.create(endpoints.s3Endpoint())), endpoints.region(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoints.accessKeyId(),
                        endpoints.secretAccessKey())));
    }

    /**
     * Starts the stack on {@code dataDir} and returns once it has written a fresh endpoints.json.
     *
     * @param settings extra JVM options for the stack, e.g. {@code -Dgenreflow.pollers.concurrency=4}
     */
    static StackProcess start(Path dataDir, List<String> settings) {
        try {
            Files.createDirectories(dataDir);
            Path endpointsFile = dataDir.resolve(Endpoints.FILE_NAME);
            // The previous run's file names ports that are gone: only a new one says the stack is up.
            Files.deleteIfExists(endpointsFile);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Dgenreflow.data-dir=" + dataDir.toAbsolutePath(),
                    "-Dgenreflow.s3.port=0", "-Dgenreflow.sqs.port=0", "-Dquarkus.http.port=0",
                    "-Dgenreflow.models.manifest=" + requiredPath("genreflow.models.manifest")));
            command.addAll(settings);
            command.addAll(List.of("-jar", requiredPath("genreflow.stack.jar").toString()));
            Path log = dataDir.resolve("stack.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new StackProcess(process, log, awaitEndpoints(process, endpointsFile, log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stack on " + dataDir, e);
        }
    }

    /** Where the stack is reached, as its endpoints.json says. */
    Endpoints endpoints() {
        return endpoints;
    }

    /** A client of the stack's S3 server. */
    S3Client s3() {
        return s3;
    }

    /** The stack's bucket. */
    String bucket() {
        return endpoints.bucket();
    }

    /** Stops the stack as Ctrl-C would (SIGTERM): running handlers finish first. */
    void stop() {
        s3.close();
        process.destroy();
        awaitExit();
    }

    /** Kills the stack without warning (SIGKILL), as a crash or a power cut would. */
    void kill() {
        s3.close();
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the stack did not stop within " + STOP_TIMEOUT + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for the stack to stop", e);
        }
    }

    private static Endpoints awaitEndpoints(Process process, Path endpointsFile, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(endpointsFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with status " + process.exitValue()
                        + " before it was up; its output is in " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the stack was not up within " + START_TIMEOUT + "; see " + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while waiting for the stack to start", e);
            }
        }
        // The stack writes the file by an atomic move, so once it exists it is whole.
        return Json.mapper().readValue(endpointsFile.toFile(), Endpoints.class);
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("set -D" + property + " (the failsafe configuration of infra/local"
                    + " and ./genreflow bench-pipeline do)");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " names " + path + ", which does not exist; build infra/local"
                    + " first (./mvnw -pl infra/local -am package -DskipTests)");
        }
        return path;
    }
}
