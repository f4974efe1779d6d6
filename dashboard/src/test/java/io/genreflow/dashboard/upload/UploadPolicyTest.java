package io.genreflow.dashboard.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadPolicyTest {

    private final UploadPolicy policy = new UploadPolicy(1000);

    @Test
    void fixesTheTypeFromTheExtension() {
        assertEquals(new UploadPolicy.Accepted("uploads/jazz/Take Five.MP3", 10, "audio/mpeg"),
                policy.check("jazz/Take Five.MP3", 10, ""));
        assertEquals("audio/wav", policy.check("a.wav", 1000, "audio/x-wav").contentType());
        assertEquals("audio/ogg", policy.check("a.ogg", 5, "video/ogg").contentType());
    }

    @Test
    void refusesWithTheReason() {
        assertTrue(refusal("notes.txt", 10, "text/plain").contains("not a supported audio file"));
        assertTrue(refusal("song.wav", 10, "text/html").contains("is text/html, not audio"));
        assertTrue(refusal("song.wav", 0, "audio/wav").contains("is empty"));
        assertTrue(refusal("song.wav", 1001, "audio/wav").contains("the limit is 1000 bytes"));
        assertTrue(refusal("../song.wav", 10, "audio/wav").contains("cannot be an upload name"));
        assertTrue(refusal("", 10, "audio/wav").contains("no name"));
    }

    private String refusal(String name, long size, String type) {
        return assertThrows(IllegalArgumentException.class, () -> policy.check(name, size, type)).getMessage();
    }
}
