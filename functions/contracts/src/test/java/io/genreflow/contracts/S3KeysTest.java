package io.genreflow.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3KeysTest {

    private static final TrackId ID = TrackId.parse("0123456789abcdef0123");

    @Test
    void lastingDocumentsLiveUnderTheTrackIdAndWorkingDataUnderItsOwnPrefix() {
        assertEquals("tracks/0123456789abcdef0123/", S3Keys.track(ID));
        assertEquals("tracks/0123456789abcdef0123/track.json", S3Keys.trackRecord(ID));
        assertEquals("tracks/0123456789abcdef0123/verdict.json", S3Keys.verdict(ID));
        assertEquals("work/0123456789abcdef0123/", S3Keys.work(ID));
        assertEquals("work/0123456789abcdef0123/audio.pcm", S3Keys.pcm(ID));
        assertEquals("work/0123456789abcdef0123/results/chroma/000042.json",
                S3Keys.partialResult(ID, Representation.CHROMA, 42));
        assertTrue(S3Keys.partialResult(ID, Representation.CHROMA, 42)
                .startsWith(S3Keys.partialResults(ID, Representation.CHROMA)));
        assertEquals("work/0123456789abcdef0123/results/chroma/000042.failed.json",
                S3Keys.batchFailure(ID, Representation.CHROMA, 42));
        assertThrows(IllegalArgumentException.class, () -> S3Keys.batchFailure(ID, Representation.CHROMA, -1));
        for (String lasting : List.of(S3Keys.trackRecord(ID), S3Keys.verdict(ID), S3Keys.tags(ID),
                S3Keys.spectrogram(ID), S3Keys.batchLedger(ID))) {
            assertTrue(lasting.startsWith(S3Keys.track(ID)), lasting + " goes when the track's prefix is deleted");
            assertFalse(lasting.startsWith(S3Keys.WORK_PREFIX), lasting + " must outlive the working data's expiry");
        }
        for (String working : List.of(S3Keys.pcm(ID), S3Keys.partialResult(ID, Representation.LOGMEL, 0),
                S3Keys.batchFailure(ID, Representation.LOGMEL, 0))) {
            assertTrue(working.startsWith(S3Keys.work(ID)), working + " goes when the work prefix is deleted");
        }
    }

    @Test
    void policyPatternsMatchExactlyTheWorkingKeysTheyName() {
        assertTrue(matches(S3Keys.ANY_PCM, S3Keys.pcm(ID)));
        assertFalse(matches(S3Keys.ANY_PCM, S3Keys.partialResult(ID, Representation.LOGMEL, 0)));
        assertTrue(matches(S3Keys.ANY_RESULTS, S3Keys.partialResult(ID, Representation.LOGMEL, 0)));
        assertTrue(matches(S3Keys.ANY_RESULTS, S3Keys.batchFailure(ID, Representation.LOGMEL, 7)));
        assertFalse(matches(S3Keys.ANY_RESULTS, S3Keys.pcm(ID)));
        assertFalse(matches(S3Keys.ANY_RESULTS, S3Keys.verdict(ID)));
    }

    /** An IAM object pattern's meaning: '*' stands for any characters, '/' included. */
    private static boolean matches(String pattern, String key) {
        return key.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    @Test
    void eachTrackHasOneIndexShardByItsFirstHexDigit() {
        assertEquals(0, S3Keys.indexShardOf(ID));
        assertEquals(15, S3Keys.indexShardOf(TrackId.parse("f123456789abcdef0123")));
        assertEquals("index/tracks-0.json", S3Keys.indexShard(0));
        assertEquals("index/tracks-f.json", S3Keys.indexShard(15));
        assertThrows(IllegalArgumentException.class, () -> S3Keys.indexShard(S3Keys.INDEX_SHARDS));
    }

    @Test
    void batchKeysSortInBatchOrder() {
        List<String> keys = new ArrayList<>();
        for (int batch : new int[] {0, 1, 2, 9, 10, 11, 99, 100, 999_999}) {
            keys.add(S3Keys.partialResult(ID, Representation.LOGMEL, batch));
        }

        assertEquals(keys, keys.stream().sorted().toList());
        assertThrows(IllegalArgumentException.class, () -> S3Keys.partialResult(ID, Representation.LOGMEL, -1));
        assertThrows(IllegalArgumentException.class, () -> S3Keys.partialResult(ID, Representation.LOGMEL, 1_000_000));
    }

    @Test
    void aUserFindsTheVerdictFromTheUploadKeyAlone() {
        assertEquals("uploads/jazz/take five.mp3", S3Keys.upload("jazz/take five.mp3"));
        assertEquals("jazz/take five.mp3", S3Keys.uploadName("uploads/jazz/take five.mp3"));
        assertEquals("verdicts/jazz/take five.mp3.json", S3Keys.verdictForUpload("uploads/jazz/take five.mp3"));
        assertEquals("verdicts/song.wav.json", S3Keys.verdictForUpload("uploads/song.wav"));
        assertFalse(S3Keys.verdictForUpload("uploads/x.mp3").startsWith(S3Keys.UPLOADS_PREFIX),
                "writing a verdict copy must not look like a new upload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uploads/", "uploads/folder/", "uploads//a.mp3", "uploads/a//b.mp3", "uploads/../x.mp3",
            "uploads/a/./b.mp3", "uploads/a/..", "uploads/line\nbreak.mp3", "tracks/x/track.json", "upload/a.mp3"})
    void keysThatAreNotUploadableFilesAreRefused(String key) {
        assertFalse(S3Keys.isUpload(key));
        assertThrows(IllegalArgumentException.class, () -> S3Keys.uploadName(key));
    }

    @Test
    void oddButLegalNamesAreAccepted() {
        for (String name : List.of("a.mp3", "..hidden.mp3", "Café/Take 5 + encore (live).mp3", "a..b.flac")) {
            assertTrue(S3Keys.isUpload(S3Keys.upload(name)), name);
        }
    }

    @Test
    void namesAreLimitedSoTheVerdictKeyFitsS3sLimit() {
        String longest = "a".repeat(S3Keys.MAX_NAME_BYTES);

        assertEquals(1024, S3Keys.verdictForUpload(S3Keys.upload(longest)).length());
        assertThrows(IllegalArgumentException.class, () -> S3Keys.upload(longest + "a"));
        assertThrows(IllegalArgumentException.class, () -> S3Keys.upload("é".repeat(S3Keys.MAX_NAME_BYTES / 2 + 1)),
                "the limit counts UTF-8 bytes, not characters");
    }
}
