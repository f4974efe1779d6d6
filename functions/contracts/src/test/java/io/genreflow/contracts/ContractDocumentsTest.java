package io.genreflow.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.json.Json;
import io.genreflow.manifest.EnsembleSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message and stored document survives JSON unchanged, tolerates additions, and matches its golden example. */
class ContractDocumentsTest {

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(Samples.splitting()),
                Arguments.of(Samples.classifying()),
                Arguments.of(Samples.classifying().withDone(Instant.parse("2026-11-20T09:17:12Z"))),
                Arguments.of(Samples.splitting().withFailed(PipelineStage.SPLITTER, "not audio",
                        Instant.parse("2026-11-20T09:17:05Z"))),
                Arguments.of(Samples.batch()),
                Arguments.of(Samples.partial()),
                Arguments.of(Samples.verdict()));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void roundTripsToAnEqualValue(Object document) {
        byte[] json = ContractJson.write(document);

        assertEquals(document, ContractJson.read(json, document.getClass()));
        assertEquals(document, ContractJson.read(new String(json, StandardCharsets.UTF_8), document.getClass()));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void carriesTheSchemaVersion(Object document) throws Exception {
        JsonNode json = Json.mapper().readTree(ContractJson.write(document));

        assertEquals(SchemaVersion.CURRENT, json.get("schemaVersion").asInt());
    }

    @ParameterizedTest
    @MethodSource("documents")
    void ignoresFieldsAddedByNewerWriters(Object document) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(ContractJson.write(document));
        json.put("addedInAFutureRelease", "anything");
        json.putObject("nested").put("deep", 1);

        assertEquals(document, ContractJson.read(Json.mapper().writeValueAsBytes(json), document.getClass()));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void refusesDocumentsFromANewerSchemaOrWithoutOne(Object document) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(ContractJson.write(document));
        json.put("schemaVersion", SchemaVersion.CURRENT + 1);
        MalformedContractException newer = assertThrows(MalformedContractException.class,
                () -> ContractJson.read(Json.mapper().writeValueAsBytes(json), document.getClass()));
        assertTrue(newer.getMessage().contains("newer"), newer.getMessage());

        json.remove("schemaVersion");
        assertThrows(MalformedContractException.class,
                () -> ContractJson.read(Json.mapper().writeValueAsBytes(json), document.getClass()));
    }

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("contracts/track-record-classifying.json", TrackRecord.class),
                Arguments.of("contracts/track-record-failed.json", TrackRecord.class),
                Arguments.of("contracts/snippet-batch-message.json", SnippetBatchMessage.class),
                Arguments.of("contracts/partial-result.json", PartialResult.class),
                Arguments.of("contracts/verdict.json", Verdict.class));
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void writesExactlyTheDocumentedWireFormat(String file, Class<?> type) throws Exception {
        String golden = Resources.text(file);

        Object parsed = ContractJson.read(golden, type);

        assertEquals(Json.mapper().readTree(golden), Json.mapper().readTree(ContractJson.write(parsed)),
                "re-serialising " + file + " changes it");
    }

    @Test
    void goldenTrackRecordReadsAsDocumented() {
        TrackRecord track = ContractJson.read(Resources.text("contracts/track-record-classifying.json"),
                TrackRecord.class);

        assertEquals(track.source().trackId(), track.trackId());
        assertEquals(TrackStatus.CLASSIFYING, track.status());
        assertEquals(SourceFormat.MP3, track.audio().sourceFormat());
        assertEquals(30.0, track.audio().durationSeconds());
        assertEquals(27L * 22_050, track.snippets().snippets().get(27).startSample());
        assertTrue(track.snippets().silentMask()[27]);
        assertEquals(2, track.expectedPartials().get("logmel"));
        assertEquals(EnergyLevel.MEDIUM, track.energy().level());
        TrackRecord failed = ContractJson.read(Resources.text("contracts/track-record-failed.json"), TrackRecord.class);
        assertEquals(PipelineStage.SPLITTER, failed.failure().stage());
        assertEquals(null, failed.source().versionId());
    }

    @Test
    void goldenMessagesReadAsDocumented() {
        SnippetBatchMessage batch = ContractJson.read(Resources.text("contracts/snippet-batch-message.json"),
                SnippetBatchMessage.class);
        PartialResult partial = ContractJson.read(Resources.text("contracts/partial-result.json"), PartialResult.class);

        assertEquals(S3Keys.pcm(batch.trackId()), batch.pcmKey());
        assertEquals("bytes=" + 352_800L * 4 + "-" + ((396_900L + 66_150) * 4 - 1), batch.pcmRangeHeader(0));
        assertEquals(List.of(0.05f, 0.1f, 0.7f, 0.15f), partial.snippets().get(0).probabilities());
        assertEquals("work/7c09ad67ae43e395eb68/results/logmel/000001.json", partial.key());
    }

    @Test
    void goldenVerdictReadsAsDocumented() {
        Verdict verdict = ContractJson.read(Resources.text("contracts/verdict.json"), Verdict.class);

        assertEquals("jazz", verdict.genre());
        assertEquals(new LabelScore("jazz", 0.71), verdict.topK().get(0));
        assertEquals(EnsembleSpec.Strategy.SELECTIVE_ACTIVATION, verdict.strategy());
        assertEquals(List.of("waveform"), verdict.missingRepresentations());
        assertEquals(Map.of("aggregate", 18L, "classify.chroma", 420L, "classify.logmel", 1310L,
                "classify.spectrogram", 1570L, "split", 2240L, "total", 4105L), verdict.timingsMs());
        assertEquals("verdicts/jazz/Take Five (live) + encore.mp3.json", S3Keys.verdictForUpload(verdict.source().key()));
    }

    @Test
    void brokenDocumentsSayWhatIsWrong() {
        MalformedContractException truncated = assertThrows(MalformedContractException.class,
                () -> ContractJson.read("{\"schemaVersion\": 1, \"trackId\": ", PartialResult.class));
        assertTrue(truncated.getMessage().startsWith("not a valid PartialResult"), truncated.getMessage());
        String golden = Resources.text("contracts/partial-result.json");
        MalformedContractException outOfRange = assertThrows(MalformedContractException.class,
                () -> ContractJson.read(golden.replace("0.7,", "1.7,"), PartialResult.class));
        assertTrue(outOfRange.getMessage().contains("probability"), outOfRange.getMessage());
        MalformedContractException badRepresentation = assertThrows(MalformedContractException.class,
                () -> ContractJson.read(golden.replace("\"logmel\"", "\"mfcc\""), PartialResult.class));
        assertTrue(badRepresentation.getMessage().contains("mfcc"), badRepresentation.getMessage());
        assertThrows(MalformedContractException.class, () -> ContractJson.read(new byte[0], Verdict.class));
    }
}
