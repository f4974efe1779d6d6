package io.genreflow.contracts;

import io.genreflow.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackIdTest {

    private static final String BUCKET = "genreflow-demo";
    private static final String KEY = "uploads/jazz/take five.mp3";

    @Test
    void sameObjectVersionAlwaysGivesTheSameId() {
        TrackId first = TrackId.derive(BUCKET, KEY, "v1", "etag-a");
        TrackId again = TrackId.derive(BUCKET, KEY, "v1", "etag-a");

        assertEquals(first, again);
        assertTrue(first.value().matches("[0-9a-f]{20}"), first.value());
    }

    @Test
    void aNewVersionOfTheSameKeyIsANewTrack() {
        assertNotEquals(TrackId.derive(BUCKET, KEY, "v1", "same-etag"), TrackId.derive(BUCKET, KEY, "v2", "same-etag"));
        assertNotEquals(TrackId.derive(BUCKET, KEY, null, "etag-a"), TrackId.derive(BUCKET, KEY, null, "etag-b"));
        assertNotEquals(TrackId.derive(BUCKET, KEY, "v1", "e"), TrackId.derive(BUCKET, KEY + "x", "v1", "e"));
        assertNotEquals(TrackId.derive(BUCKET, KEY, "v1", "e"), TrackId.derive(BUCKET + "x", KEY, "v1", "e"));
    }

    @Test
    void theVersionIdDecidesWhenThereIsOneElseTheETag() {
        assertEquals(TrackId.derive(BUCKET, KEY, "v1", "etag-a"), TrackId.derive(BUCKET, KEY, "v1", "etag-b"));
        assertEquals(TrackId.derive(BUCKET, KEY, null, "etag-a"), TrackId.derive(BUCKET, KEY, "null", "\"etag-a\""),
                "the S3 API's quoted ETag and literal \"null\" version describe the same unversioned object");
        assertNotEquals(TrackId.derive(BUCKET, KEY, "abc", null), TrackId.derive(BUCKET, KEY, null, "abc"),
                "a version id and an ETag that happen to be equal are different inputs");
        assertThrows(IllegalArgumentException.class, () -> TrackId.derive(BUCKET, KEY, null, null));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertNotEquals(TrackId.derive("ab", "c", "v", null), TrackId.derive("a", "bc", "v", null));
    }

    @Test
    void matchesTheDocumentedDerivationComputedIndependently() {
        // Computed with Python's hashlib over the documented encoding (length-prefixed UTF-8 fields).
        assertEquals("7c09ad67ae43e395eb68", TrackId.derive(BUCKET, "uploads/jazz/Take Five (live) + encore.mp3",
                "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "1b2cf535f27731c974343645a3985328").value());
    }

    @Test
    void idsThatAreNotTwentyLowercaseHexDigitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrackId.parse("0123456789ABCDEF0123"));
        assertThrows(IllegalArgumentException.class, () -> TrackId.parse("0123"));
        assertThrows(IllegalArgumentException.class, () -> TrackId.parse("../../etc/passwd...."));
        assertThrows(IllegalArgumentException.class, () -> TrackId.parse(null));
    }

    @Test
    void isABareStringInJson() throws Exception {
        TrackId id = TrackId.parse("0123456789abcdef0123");

        assertEquals("\"0123456789abcdef0123\"", Json.mapper().writeValueAsString(id));
        assertEquals(id, Json.mapper().readValue("\"0123456789abcdef0123\"", TrackId.class));
    }
}
