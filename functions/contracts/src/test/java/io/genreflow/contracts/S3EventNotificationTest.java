package io.genreflow.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.genreflow.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3EventNotificationTest {

    private static S3EventNotification event(String file) {
        return S3EventNotification.parse(Resources.text("events/" + file));
    }

    @Test
    void readsAnObjectCreatedPut() {
        S3EventNotification notification = event("object-created-put.json");

        assertFalse(notification.isTestEvent());
        assertEquals(List.of(new SourceObject("genreflow-demo", "uploads/blues/robert-johnson-crossroads.mp3",
                        "096fKKXTRTtl3on89fVO.nfljtsv6qko", "d41d8cd98f00b204e9800998ecf8427e", 4_812_733L,
                        "0055AED6DCD90281E5")),
                notification.createdObjects());
        S3EventNotification.EventRecord record = notification.records().get(0);
        assertEquals("ObjectCreated:Put", record.eventName());
        assertEquals("2026-11-20T09:15:42.318Z", record.eventTime());
        assertEquals("eu-west-1", record.awsRegion());
    }

    @Test
    void decodesUrlEncodedKeys() {
        SourceObject object = event("object-created-encoded-key.json").createdObjects().get(0);

        assertEquals("uploads/jazz/Take Five (live) + encore - Café Brubeck.mp3", object.key());
        assertTrue(S3Keys.isUpload(object.key()));
    }

    @Test
    void readsEveryCreatedObjectOfAMultiRecordEventAndSkipsOtherEvents() {
        List<SourceObject> created = event("object-created-multi.json").createdObjects();

        assertEquals(List.of("uploads/metal/long-live-album.flac", "uploads/pop/copy of hit.ogg"),
                created.stream().map(SourceObject::key).toList());
        assertEquals(268_435_456L, created.get(0).sizeBytes());
        assertEquals(null, created.get(0).versionId(), "unversioned bucket");
        assertEquals("a1f0c2e3b4d5968778695a4b3c2d1e0f-32", created.get(0).eTag());
    }

    @Test
    void recognisesTheTestEventAndFindsNothingToDo() {
        S3EventNotification notification = event("s3-test-event.json");

        assertTrue(notification.isTestEvent());
        assertEquals(List.of(), notification.createdObjects());
        assertEquals("genreflow-demo", notification.bucket());
    }

    @Test
    void whatTheLocalNotifierEmitsReadsBackAsTheSameObject() throws Exception {
        SourceObject upload = new SourceObject("local", "uploads/a+b/Café & friends 100%.mp3", null,
                "\"5d41402abc4b2a76b9719d911017c592\"", 1234, "00000000000000000A");

        S3EventNotification emitted = S3EventNotification.objectCreated(upload, "local",
                Instant.parse("2026-11-20T10:00:00Z"));
        String body = new String(ContractJson.write(emitted), StandardCharsets.UTF_8);

        assertTrue(body.contains("\"Records\""), body);
        assertTrue(body.contains("uploads/a%2Bb/Caf%C3%A9+%26+friends+100%25.mp3"), body);
        assertEquals(List.of(upload), S3EventNotification.parse(body).createdObjects());
        Set<String> awsPaths = fieldPaths(Json.mapper().readTree(Resources.text("events/object-created-put.json")), "");
        Set<String> emittedPaths = fieldPaths(Json.mapper().readTree(body), "");
        assertTrue(awsPaths.containsAll(emittedPaths), "fields S3 never sends: " + difference(emittedPaths, awsPaths));
    }

    private static Set<String> fieldPaths(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(element -> paths.addAll(fieldPaths(element, path + "[]")));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = path + "/" + field.getKey();
                paths.add(child);
                paths.addAll(fieldPaths(field.getValue(), child));
            });
        }
        return paths;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    @Test
    void bodiesThatAreNotS3NotificationsAreMalformed() {
        MalformedContractException sns = assertThrows(MalformedContractException.class, () -> S3EventNotification.parse(
                "{\"Type\":\"Notification\",\"Message\":\"{}\"}"));
        assertTrue(sns.getMessage().contains("raw message delivery"), sns.getMessage());
        assertThrows(MalformedContractException.class, () -> S3EventNotification.parse("not json"));
        assertThrows(MalformedContractException.class, () -> S3EventNotification.parse(""));
        MalformedContractException badKey = assertThrows(MalformedContractException.class,
                () -> S3EventNotification.parse(Resources.text("events/object-created-put.json")
                        .replace("robert-johnson", "robert%zzjohnson")));
        assertTrue(badKey.getMessage().contains("URL-encoded"), badKey.getMessage());
        MalformedContractException noSize = assertThrows(MalformedContractException.class,
                () -> S3EventNotification.parse(Resources.text("events/object-created-put.json")
                        .replace("\"size\":4812733,", "")));
        assertTrue(noSize.getMessage().contains("size"), noSize.getMessage());
        MalformedContractException noVersion = assertThrows(MalformedContractException.class,
                () -> S3EventNotification.parse(Resources.text("events/object-created-put.json")
                        .replace("\"eTag\":\"d41d8cd98f00b204e9800998ecf8427e\",", "")
                        .replace("\"versionId\":\"096fKKXTRTtl3on89fVO.nfljtsv6qko\",", "")));
        assertTrue(noVersion.getMessage().contains("versions apart"), noVersion.getMessage());
    }

    @Test
    void sequencersOrderVersionsOfOneKey() {
        SourceObject older = new SourceObject("b", "uploads/a.mp3", "v1", null, 1, "0055AED6DCD90281E5");
        SourceObject newer = new SourceObject("b", "uploads/a.mp3", "v2", null, 1, "0055AED6DCD90281F0");
        SourceObject longer = new SourceObject("b", "uploads/a.mp3", "v3", null, 1, "010055AED6DCD90281");

        assertTrue(newer.supersedes(older));
        assertFalse(older.supersedes(newer));
        assertTrue(longer.supersedes(newer), "the shorter sequencer is left-padded with zeros before comparing");
        SourceObject otherKey = new SourceObject("b", "uploads/b.mp3", "v9", null, 1, "FF");
        assertFalse(otherKey.supersedes(older), "sequencers of different keys are not comparable");
    }
}
