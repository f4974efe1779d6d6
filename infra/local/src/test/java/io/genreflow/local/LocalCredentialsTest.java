package io.genreflow.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCredentialsTest {

    @Test
    void drawsAPairOnceAndKeepsItOwnerReadable(@TempDir Path dataDir) throws Exception {
        LocalCredentials first = LocalCredentials.loadOrCreate(dataDir);
        LocalCredentials again = LocalCredentials.loadOrCreate(dataDir);

        assertEquals(first, again);
        assertTrue(first.accessKeyId().matches("GR[A-Z2-7]{18}"), first.accessKeyId());
        assertTrue(first.secretAccessKey().length() >= 40);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(LocalCredentials.FILE_NAME))));
    }

    @Test
    void everyDataFolderGetsItsOwnPair(@TempDir Path one, @TempDir Path two) {
        assertNotEquals(LocalCredentials.loadOrCreate(one).secretAccessKey(),
                LocalCredentials.loadOrCreate(two).secretAccessKey());
    }

    @Test
    void saysHowToRecoverFromADamagedFile(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve(LocalCredentials.FILE_NAME), "{\"accessKeyId\":\"only\"}");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> LocalCredentials.loadOrCreate(dataDir));
        assertTrue(failure.getMessage().contains("delete it to have new credentials drawn"), failure.getMessage());
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(new LocalCredentials("key", "s3cr3t").toString().contains("s3cr3t"));
    }
}
