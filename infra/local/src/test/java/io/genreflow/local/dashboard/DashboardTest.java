package io.genreflow.local.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.Verdict;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.local.LocalStack;
import io.genreflow.local.TemporaryDataDir;
import io.genreflow.testing.ReferenceVerdict;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The dashboard served by the running stack, over tracks the real pipeline processed: a tagged
 * track whose tags and file name are attempts at script injection, a plain track, and a file that
 * is not audio. Pages, API, exports, uploads, actions and the forgery checks, all against the
 * embedded S3 and SQS.
 */
@QuarkusTest
@TestProfile(DashboardTest.OwnBucket.class)
@WithTestResource(TemporaryDataDir.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    /** Its own stack: the counts below assume no other test's tracks in the bucket. */
    public static final class OwnBucket implements QuarkusTestProfile {
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final String XSS_TITLE = "<script>alert(\"title\")</script> Night & Day";
    static final String XSS_ARTIST = "\" onerror=\"alert(1)";
    static final String XSS_NAME = "<img src=x onerror=alert('name')>.wav";

    @Inject
    LocalStack stack;

    @ConfigProperty(name = "genreflow.models.manifest")
    Path manifest;

    private byte[] tagged;
    private byte[] plain;
    private String taggedId;
    private String plainId;
    private String brokenId;

    @BeforeAll
    void uploadThroughThePipeline() {
        tagged = TaggedAudio.wav(7, 11, XSS_TITLE, XSS_ARTIST);
        plain = GeneratedAudio.musicWav(5, 12);
        S3Client s3 = stack.environment().s3();
        String bucket = stack.environment().bucket();
        s3.putObject(p -> p.bucket(bucket).key(S3Keys.upload(XSS_NAME)), RequestBody.fromBytes(tagged));
        s3.putObject(p -> p.bucket(bucket).key(S3Keys.upload("plain song.wav")), RequestBody.fromBytes(plain));
        s3.putObject(p -> p.bucket(bucket).key(S3Keys.upload("notes.mp3")),
                RequestBody.fromString("shopping list: milk, eggs"));
    }

    /** RestAssured knows the dashboard's port only once a test runs, so the first test waits for the pipeline. */
    private synchronized void awaitUploads() {
        if (taggedId != null) {
            return;
        }
        JsonPath tracks = awaitFinished(XSS_NAME, "plain song.wav", "notes.mp3");
        taggedId = idOf(tracks, XSS_NAME);
        plainId = idOf(tracks, "plain song.wav");
        brokenId = idOf(tracks, "notes.mp3");
    }

    @Test
    void listsEveryTrackWithItsVerdictTagsAndProgress() throws Exception {
        awaitUploads();
        Verdict expected = ReferenceVerdict.of(tagged, XSS_NAME, manifest);
        JsonPath track = given().get("/api/tracks/" + taggedId).then().statusCode(200).extract().jsonPath();
        assertEquals("DONE", track.getString("summary.status"));
        assertEquals(XSS_TITLE, track.getString("summary.title"));
        assertEquals(XSS_ARTIST, track.getString("summary.artist"));
        assertEquals(expected.genre(), track.getString("summary.genre"));
        assertEquals(expected.confidence(), track.getDouble("summary.confidence"), ReferenceVerdict.TOLERANCE);
        assertEquals(track.getInt("summary.partialsExpected"), track.getInt("summary.partialsIn"));
        assertTrue(track.getInt("summary.partialsExpected") > 0);
        assertEquals(expected.timeline().size(), track.getList("verdict.timeline").size());

        JsonPath broken = given().get("/api/tracks/" + brokenId).then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", broken.getString("summary.status"));
        assertEquals("The file could not be used as audio.", broken.getString("failure.summary"));
        assertTrue(broken.getString("failure.reason").contains("not audio"), broken.getString("failure.reason"));
        assertFalse(broken.getBoolean("failure.reprocess"));
    }

    @Test
    void filtersSortsAndPages() {
        awaitUploads();
        given().get("/api/tracks?status=failed").then().statusCode(200)
                .body("total", equalTo(1)).body("tracks[0].name", equalTo("notes.mp3"));
        String genre = given().get("/api/tracks/" + plainId).jsonPath().getString("summary.genre");
        List<String> sameGenre = given().get("/api/tracks?genre=" + genre).jsonPath().getList("tracks.id");
        assertTrue(sameGenre.contains(plainId), sameGenre.toString());
        given().get("/api/tracks?q=NIGHT").then().body("total", equalTo(1)).body("tracks[0].id", equalTo(taggedId));
        List<String> byName = given().get("/api/tracks?sort=name&dir=asc&size=500").jsonPath().getList("tracks.id");
        // Titles sort before file names: "<script…" (the tag title), then "notes.mp3", then "plain song.wav".
        assertTrue(byName.indexOf(taggedId) < byName.indexOf(brokenId), byName.toString());
        assertTrue(byName.indexOf(brokenId) < byName.indexOf(plainId), byName.toString());
        int second = byName.indexOf(plainId);
        given().get("/api/tracks?sort=name&dir=asc&size=1&page=" + (second + 1)).then()
                .body("tracks.size()", equalTo(1)).body("tracks[0].id", equalTo(plainId))
                .body("total", equalTo(byName.size()));
        given().get("/api/tracks?status=bogus").then().statusCode(400)
                .body("error", containsString("status must be one of"));
    }

    @Test
    void pagesEscapeEveryValueFromTheFile() {
        awaitUploads();
        String list = given().get("/").then().statusCode(200).extract().asString();
        String page = given().get("/tracks/" + taggedId).then().statusCode(200).extract().asString();
        for (String html : List.of(list, page)) {
            assertFalse(html.contains("<script>alert"), "a tag's script tag reached the page");
            assertFalse(html.contains("<img src=x"), "the file name's img tag reached the page");
            assertFalse(html.contains("\" onerror=\""), "the artist broke out of an attribute or text");
            assertTrue(html.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Night &amp; Day"));
            assertTrue(html.contains("&lt;img src=x onerror=alert(&#39;name&#39;)&gt;.wav"), "file name shown escaped");
            assertFalse(Pattern.compile("<script>(?!</script>)").matcher(html.replaceAll(
                    "<script src=\"/static/[a-z]+\\.js\"></script>", "")).find(), "inline script");
        }
    }

    @Test
    void trackPageDrawsBarsTimelineEnergyAndPlayer() throws Exception {
        awaitUploads();
        Verdict verdict = ContractJson.read(stack.environment().s3().getObjectAsBytes(g -> g
                .bucket(stack.environment().bucket()).key(S3Keys.verdict(
                        TrackId.parse(taggedId)))).asByteArray(), Verdict.class);
        String page = given().get("/tracks/" + taggedId).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().asString();
        assertEquals(verdict.topK().size(), count(section(page, "svg class=\"bars\""), "<rect "));
        String timeline = section(page, "svg class=\"timeline\"");
        assertEquals(verdict.timeline().size(), count(timeline, "<rect "));
        Verdict.TimelineEntry first = verdict.timeline().getFirst();
        assertTrue(timeline.contains("<title>0:00–0:01: " + first.genre() + " "), timeline);
        assertTrue(page.contains("Stretches of one genre"));
        assertTrue(page.contains("Verdict: <span class=\"genre\">" + verdict.genre() + "</span>"));
        for (String representation : verdict.trackScores().keySet()) {
            assertTrue(page.contains("<th scope=\"row\">" + representation + "</th>"), representation);
        }
        assertTrue(page.contains("spectral centroid"));
        assertTrue(page.contains("<audio controls preload=\"none\" src=\"/tracks/" + taggedId + "/audio\""));

        assertTrue(page.contains("<img src=\"/tracks/" + taggedId + "/spectrogram.png\""));
        byte[] png = given().get("/tracks/" + taggedId + "/spectrogram.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(128, image.getHeight(), "one row per mel band");
        assertTrue(image.getWidth() > 100, "a 7-s track has about 300 frames: " + image.getWidth());
        assertEquals(png.length, stack.environment().s3().headObject(h -> h.bucket(stack.environment().bucket())
                .key("tracks/" + taggedId + "/spectrogram.png")).contentLength(), "kept in the bucket");
        given().get("/tracks/" + brokenId + "/spectrogram.png").then().statusCode(404);

        String location = given().redirects().follow(false).get("/tracks/" + taggedId + "/audio").then()
                .statusCode(303).extract().header("Location");
        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                .header("Range", "bytes=0-3").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, played.statusCode(), "the player cannot seek");
        assertEquals("RIFF", new String(played.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void failedTrackSaysWhyAndWhatToDo() {
        awaitUploads();
        given().get("/tracks/" + brokenId).then().statusCode(200)
                .body(containsString("The file could not be used as audio."))
                .body(containsString("What to do: Check that the file plays"))
                .body(containsString("not audio"));
    }

    @Test
    void modelsPageShowsTheManifestAndItsEvaluation() {
        awaitUploads();
        given().get("/models").then().statusCode(200)
                .body(containsString("gtzan-subset-2026.11.2"))
                .body(containsString("aria-label=\"confusion matrix of ensemble\""))
                .body(containsString("crnn"));
        JsonPath models = given().get("/api/models").then().statusCode(200).extract().jsonPath();
        assertEquals(10, models.getList("labels").size());
        assertEquals(4, models.getList("representations").size());
        assertEquals(10, models.getList("ensemble.confusion").size());
        assertEquals(0.25, models.getDouble("weights.logmel[0]"), 1e-12);
    }

    @Test
    void exportsTheFilteredVerdicts() {
        awaitUploads();
        String csv = given().get("/api/tracks/export.csv?status=done&sort=name&dir=asc").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        int done = given().get("/api/tracks?status=done").jsonPath().getInt("total");
        assertEquals(done + 1, lines.length, csv);
        assertTrue(lines[0].startsWith("id,name,title,artist,status,genre,confidence"));
        String taggedLine = List.of(lines).stream().filter(l -> l.startsWith(taggedId)).findFirst().orElseThrow();
        assertTrue(taggedLine.contains(",\"<script>alert(\"\"title\"\")</script> Night & Day\","), taggedLine);
        List<Map<String, Object>> json = given().get("/api/tracks/export.json?status=done").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(done, json.size());
        assertTrue(json.stream().allMatch(t -> "DONE".equals(t.get("status"))));
    }

    @Test
    void signsUploadsThatFixSizeAndTypeAndRefusesBadFiles() throws Exception {
        awaitUploads();
        DashboardSession session = DashboardSession.open();
        given().contentType(ContentType.JSON).body(Map.of("name", "a.wav", "sizeBytes", 10, "type", "audio/wav"))
                .post("/api/uploads").then().statusCode(403).body("error", containsString("CSRF token"));
        upload(session, Map.of("name", "readme.txt", "sizeBytes", 10, "type", "text/plain")).then().statusCode(400)
                .body("error", containsString("not a supported audio file"));
        upload(session, Map.of("name", "empty.wav", "sizeBytes", 0, "type", "audio/wav")).then().statusCode(400)
                .body("error", containsString("is empty"));
        upload(session, Map.of("name", "huge.wav", "sizeBytes", 3L << 30, "type", "audio/wav")).then().statusCode(400)
                .body("error", containsString("the limit is"));

        byte[] song = GeneratedAudio.musicWav(4, 13);
        JsonPath signed = upload(session, Map.of("name", "from the page.wav", "sizeBytes", song.length,
                "type", "audio/x-wav")).then().statusCode(200).extract().jsonPath();
        assertEquals("uploads/from the page.wav", signed.getString("key"));
        URI url = URI.create(signed.getString("url"));
        assertFalse(url.toString().contains("?"), "the signature travels in headers: " + url);
        Map<String, String> headers = signed.getMap("headers");
        assertEquals("audio/wav", headers.get("Content-Type"));
        assertRefused(put(url, headers, "audio/wav", Arrays.copyOf(song, song.length - 1)), "a shorter body");
        assertRefused(put(url, headers, "text/html", song), "another type");
        S3Client s3 = stack.environment().s3();
        String bucket = stack.environment().bucket();
        assertTrue(s3.listObjectsV2(l -> l.bucket(bucket).prefix("uploads/from the page")).contents().isEmpty(),
                "S3 stored a refused upload");
        assertEquals(200, put(url, headers, "audio/wav", song));
        assertEquals(song.length, s3.headObject(h -> h.bucket(bucket).key("uploads/from the page.wav")).contentLength());

        String origin = "http://127.0.0.1:" + RestAssured.port;
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-amz-content-sha256,x-amz-date")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "S3 does not let the dashboard's pages upload: " + preflight.statusCode() + " " + preflight.body());
    }

    @Test
    void refusesStateChangesFromOtherSitesOrWithoutTheToken() {
        awaitUploads();
        DashboardSession session = DashboardSession.open();
        given().cookie("genreflow_csrf", session.cookie()).header("X-CSRF-Token", session.token())
                .header("Origin", "http://evil.example").post("/api/tracks/" + brokenId + "/reprocess")
                .then().statusCode(403);
        given().cookie("genreflow_csrf", session.cookie()).header("X-CSRF-Token", "x" + session.token().substring(1))
                .post("/api/tracks/" + brokenId + "/reprocess").then().statusCode(403);
        given().cookie("genreflow_csrf", session.cookie()).formParam("csrf", "wrong")
                .post("/tracks/" + brokenId + "/delete").then().statusCode(403);
        given().get("/api/tracks/" + brokenId).then().statusCode(200);
    }

    @Test
    void reprocessesAndDeletesAFinishedTrack() {
        awaitUploads();
        DashboardSession session = DashboardSession.open();
        S3Client s3 = stack.environment().s3();
        String bucket = stack.environment().bucket();
        byte[] song = GeneratedAudio.musicWav(4, 14);
        s3.putObject(p -> p.bucket(bucket).key("uploads/to remove.wav"), RequestBody.fromBytes(song));
        String id = idOf(awaitFinished("to remove.wav"), "to remove.wav");
        String genre = given().get("/api/tracks/" + id).jsonPath().getString("summary.genre");

        given().cookie("genreflow_csrf", session.cookie()).header("X-CSRF-Token", session.token())
                .post("/api/tracks/" + id + "/reprocess").then().statusCode(200).body("outcome", equalTo("reprocessing"));
        JsonPath again = awaitTrack(id);
        assertEquals(genre, again.getString("summary.genre"), "the same bytes and models give the same verdict");

        given().get("/tracks/" + id + "/spectrogram.png").then().statusCode(200);
        TrackId track = TrackId.parse(id);
        for (String made : List.of(S3Keys.batchLedger(track), S3Keys.tags(track), S3Keys.spectrogram(track),
                S3Keys.pcm(track))) {
            assertEquals(1, s3.listObjectsV2(l -> l.bucket(bucket).prefix(made)).keyCount(), made + " is there to delete");
        }
        assertTrue(s3.listObjectsV2(l -> l.bucket(bucket).prefix(S3Keys.work(track))).keyCount() > 1,
                "the reprocessed track's partial results are there to delete beside its PCM");

        given().cookie("genreflow_csrf", session.cookie()).formParam("csrf", session.token())
                .post("/tracks/" + id + "/delete").then().statusCode(200).body(containsString("Deleted"));
        given().get("/api/tracks/" + id).then().statusCode(404);
        assertTrue(s3.listObjectsV2(l -> l.bucket(bucket).prefix(S3Keys.track(track))).contents().isEmpty());
        assertTrue(s3.listObjectsV2(l -> l.bucket(bucket).prefix(S3Keys.work(track))).contents().isEmpty(),
                "the working data went with the track");
        assertTrue(s3.listObjectsV2(l -> l.bucket(bucket).prefix("uploads/to remove.wav")).contents().isEmpty());
        assertTrue(s3.listObjectsV2(l -> l.bucket(bucket).prefix("verdicts/to remove.wav")).contents().isEmpty());
        assertFalse(given().get("/api/tracks?size=500").jsonPath().getList("tracks.id").contains(id),
                "the index forgot the track");
    }

    /**
     * The PUT's status, or 0 when the server closed the connection instead of answering (S3Proxy
     * may refuse a request before reading its body, and drop the connection).
     */
    private static int put(URI url, Map<String, String> signed, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach((name, value) -> request.header(name, name.equals("Content-Type") ? type : value));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void assertRefused(int status, String what) {
        assertTrue(status == 403 || status == 0, "S3 answered " + status + " to " + what
                + ", which the signature does not cover");
    }

    private static io.restassured.response.Response upload(DashboardSession session, Map<String, ?> file) {
        return given().cookie("genreflow_csrf", session.cookie()).header("X-CSRF-Token", session.token())
                .contentType(ContentType.JSON).body(file).post("/api/uploads");
    }

    /** Polls the API, as the page's script does, until tracks with these names exist and are finished. */
    private static JsonPath awaitFinished(String... names) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<Map<String, Object>> seen = List.of();
        while (Instant.now().isBefore(deadline)) {
            JsonPath tracks = given().get("/api/tracks?size=500").then().statusCode(200).extract().jsonPath();
            seen = tracks.getList("tracks");
            List<Map<String, Object>> current = seen;
            if (Arrays.stream(names).allMatch(name -> current.stream().anyMatch(t -> name.equals(t.get("name"))
                    && Set.of("DONE", "FAILED").contains(t.get("status"))))) {
                return tracks;
            }
            sleep();
        }
        throw new AssertionError(List.of(names) + " did not finish within " + TIMEOUT + "; tracks: " + seen);
    }

    private static JsonPath awaitTrack(String id) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            io.restassured.response.Response response = given().get("/api/tracks/" + id);
            if (response.statusCode() == 200 && response.jsonPath().getString("summary.status").equals("DONE")) {
                return response.jsonPath();
            }
            sleep();
        }
        throw new AssertionError("track " + id + " did not finish again within " + TIMEOUT);
    }

    private static String idOf(JsonPath tracks, String name) {
        List<Map<String, Object>> all = tracks.getList("tracks");
        return all.stream().filter(t -> name.equals(t.get("name"))).map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no track named " + name + " in " + all));
    }

    private static String section(String html, String start) {
        int from = html.indexOf("<" + start);
        assertTrue(from >= 0, "no <" + start + "> on the page");
        return html.substring(from, html.indexOf("</svg>", from));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
