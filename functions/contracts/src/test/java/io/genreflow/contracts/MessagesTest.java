package io.genreflow.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final TrackId ID = Samples.source().trackId();

    private static SnippetBatchMessage.Snippet snippet(int index, long start) {
        return new SnippetBatchMessage.Snippet(index, start);
    }

    private static SnippetBatchMessage batch(long totalSamples, List<SnippetBatchMessage.Snippet> snippets) {
        return new SnippetBatchMessage(SchemaVersion.CURRENT, ID, Representation.CHROMA, 0, S3Keys.pcm(ID), 22_050, totalSamples,
                66_150, snippets);
    }

    @Test
    void aBatchReadsOnlyTheBytesItsSnippetsCover() {
        SnippetBatchMessage message = batch(661_500, List.of(snippet(3, 66_150), snippet(4, 88_200)));

        assertEquals(66_150, message.firstSample(0));
        assertEquals(88_200 + 66_150, message.endSample(0));
        assertEquals(PcmLayout.rangeHeader(66_150, 88_200 + 66_150), message.pcmRangeHeader(0));
    }

    @Test
    void contextAroundABatchWidensItsRangeInsideTheTrack() {
        SnippetBatchMessage middle = batch(661_500, List.of(snippet(3, 66_150), snippet(4, 88_200)));
        SnippetBatchMessage atStart = batch(661_500, List.of(snippet(0, 0)));
        SnippetBatchMessage atEnd = batch(661_500, List.of(snippet(27, 661_500 - 66_150)));

        assertEquals(66_150 - 1024, middle.firstSample(1024));
        assertEquals(88_200 + 66_150 + 1024, middle.endSample(1024));
        assertEquals(0, atStart.firstSample(1024));
        assertEquals(661_500, atEnd.endSample(1024));
    }

    @Test
    void aTrackShorterThanASnippetReadsOnlyWhatExists() {
        SnippetBatchMessage message = batch(22_050, List.of(snippet(0, 0)));

        assertEquals(22_050, message.endSample(0));
        assertEquals("bytes=0-88199", message.pcmRangeHeader(0));
    }

    @Test
    void batchesThatCannotBeServedAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> batch(661_500, List.of()));
        assertThrows(IllegalArgumentException.class, () -> batch(661_500, List.of(snippet(1, 0), snippet(1, 22_050))));
        assertThrows(IllegalArgumentException.class, () -> batch(1000, List.of(snippet(0, 1000))));
        assertThrows(IllegalArgumentException.class, () -> batch(0, List.of(snippet(0, 0))));
        assertThrows(IllegalArgumentException.class, () -> new SnippetBatchMessage(SchemaVersion.CURRENT, ID, null, 0,
                S3Keys.pcm(ID), 22_050, 1000, 10, List.of(snippet(0, 0))));
    }

    @Test
    void theRepresentationTravelsAsItsIdAndAnUnknownOneIsRefusedByName() {
        String json = new String(ContractJson.write(batch(1000, List.of(snippet(0, 0)))), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"representation\":\"chroma\""), json);
        assertEquals(Representation.CHROMA, ContractJson.read(json, SnippetBatchMessage.class).representation());

        MalformedContractException e = assertThrows(MalformedContractException.class, () -> ContractJson.read(
                json.replace("\"chroma\"", "\"mfcc\""), SnippetBatchMessage.class));
        assertTrue(e.getMessage().contains("'mfcc'") && e.getMessage().contains("spectrogram"), e.getMessage());
    }

    @Test
    void partialResultsGiveTheMathsItsArraysAndKnowTheirKey() {
        PartialResult partial = Samples.partial();

        assertArrayEquals(new float[] {0.05f, 0.1f, 0.7f, 0.15f}, partial.snippets().get(0).toArray());
        assertEquals(S3Keys.partialResults(ID, Representation.LOGMEL) + "000001.json",
                partial.key());
        assertEquals(List.of("features", "inference", "read"), List.copyOf(partial.timingsMs().keySet()),
                "timings are stored sorted so rewrites are byte-identical");
    }

    @Test
    void partialResultsMustBeConsistent() {
        PartialResult.SnippetScores three = new PartialResult.SnippetScores(1, List.of(0.2f, 0.3f, 0.5f));
        PartialResult.SnippetScores two = new PartialResult.SnippetScores(2, List.of(0.5f, 0.5f));

        assertThrows(IllegalArgumentException.class, () -> new PartialResult(SchemaVersion.CURRENT, ID, Representation.LOGMEL, 0,
                List.of(three, two), "m1", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new PartialResult(SchemaVersion.CURRENT, ID, Representation.LOGMEL, 0,
                List.of(three, three), "m1", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new PartialResult(SchemaVersion.CURRENT, ID, Representation.LOGMEL, 0,
                List.of(three), "m1", Map.of("inference", -1L)));
        assertThrows(IllegalArgumentException.class,
                () -> new PartialResult.SnippetScores(0, List.of(Float.NaN, 0.5f)));
    }

    @Test
    void aBatchFailureAccountsForItsBatchBesideWhereTheResultWouldBe() {
        SnippetBatchMessage message = batch(661_500, List.of(snippet(3, 66_150)));

        BatchFailure failure = BatchFailure.of(message, "went to snippets-chroma-dlq",
                Instant.parse("2026-11-20T09:17:06Z"));

        assertEquals(S3Keys.batchFailure(ID, Representation.CHROMA, 0), failure.key());
        assertEquals(failure, ContractJson.read(ContractJson.write(failure), BatchFailure.class));
        assertThrows(MalformedContractException.class, () -> ContractJson.read(
                "{\"schemaVersion\":1,\"trackId\":\"" + ID + "\",\"representation\":\"chroma\",\"batch\":0,"
                        + "\"reason\":\" \",\"failedAt\":\"2026-11-20T09:17:06Z\"}", BatchFailure.class));
    }
}
