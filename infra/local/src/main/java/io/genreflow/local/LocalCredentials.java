package io.genreflow.local;

import io.genreflow.json.Json;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key pair of the embedded S3. Nothing is built in: the first start of a data folder draws a
 * random pair and keeps it in {@code credentials.json} there, readable by its owner only, so every
 * later start (and every client the user configured) keeps working.
 *
 * @param accessKeyId     the access key id
 * @param secretAccessKey the secret access key
 */
@RegisterForReflection
public record LocalCredentials(String accessKeyId, String secretAccessKey) {

    /** The file in the data folder. */
    public static final String FILE_NAME = "credentials.json";

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    public LocalCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an access key id and a secret access key are both required");
        }
    }

    /** The pair kept in {@code dataDir}, drawn and stored there first if there is none. */
    public static LocalCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            LocalCredentials drawn = draw();
            Files.createDirectories(dataDir);
            Path draft = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(draft, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(drawn));
            try {
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.delete(draft);
            }
            // Another process may have won the race to create it; the file is the truth.
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the credentials file " + file, e);
        }
    }

    private static LocalCredentials read(Path file) throws IOException {
        try {
            return Json.mapper().readValue(file.toFile(), LocalCredentials.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a valid credentials file (" + e.getMessage()
                    + "); fix it, or delete it to have new credentials drawn", e);
        }
    }

    private static LocalCredentials draw() {
        StringBuilder key = new StringBuilder("GR");
        for (int i = 0; i < 18; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        byte[] secret = new byte[30];
        RANDOM.nextBytes(secret);
        return new LocalCredentials(key.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    @Override
    public String toString() {
        return "LocalCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>]";
    }
}
