package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatDetectorTest {

    private static final byte[] MP3 = Decoded.resource("burst-no-tag-mono-44100.mp3");

    private static Optional<SourceFormat> detect(byte[] file) {
        byte[] head = Arrays.copyOf(file, Math.min(file.length, FormatDetector.HEAD_BYTES));
        return FormatDetector.detect(head, head.length);
    }

    @Test
    void containersAreRecognisedByTheirMagicNumbers() {
        assertEquals(Optional.of(SourceFormat.WAV), detect(TestAudioFiles.wav(1, 1, 8000, 16, new byte[2])));
        assertEquals(Optional.of(SourceFormat.AU), detect(TestAudioFiles.au(3, 8000, 1, new byte[0], 2, new byte[2])));
        assertEquals(Optional.of(SourceFormat.AIFF), detect(TestAudioFiles.form(false)));
        assertEquals(Optional.of(SourceFormat.AIFF), detect(TestAudioFiles.form(true)));
        assertEquals(Optional.of(SourceFormat.FLAC), detect(Decoded.resource("sawtooth-24bit-mono-48000.flac")));
        assertEquals(Optional.of(SourceFormat.OGG_VORBIS), detect(Decoded.resource("burst-stereo-44100.ogg")));
    }

    @Test
    void mp3IsRecognisedByChainedFramesAfterTagsAndJunk() {
        byte[] tag = TestAudioFiles.concat("ID3".getBytes(StandardCharsets.US_ASCII), new byte[] {3, 0, 0, 0, 0, 1, 0},
                new byte[128]);

        assertEquals(Optional.of(SourceFormat.MP3), detect(MP3));
        assertEquals(Optional.of(SourceFormat.MP3), detect(Decoded.resource("burst-lame-cbr128-stereo-44100.mp3")));
        assertEquals(Optional.of(SourceFormat.MP3), detect(TestAudioFiles.concat(tag, new byte[700], MP3)));
    }

    @Test
    void aVeryShortMp3CountsWhenItsFramesEndExactlyAtTheEndOfTheFile() {
        int first = MpegFrameHeader.parse(MP3, 0, MP3.length).frameBytes();
        int twoFrames = first + MpegFrameHeader.parse(MP3, first, MP3.length).frameBytes();

        assertEquals(Optional.of(SourceFormat.MP3), detect(Arrays.copyOf(MP3, twoFrames)));
        assertEquals(Optional.empty(), detect(Arrays.copyOf(MP3, twoFrames - 1)));
    }

    @Test
    void aSingleValidFrameHeaderInRandomBytesIsNotMp3() {
        byte[] bytes = new byte[FormatDetector.HEAD_BYTES];
        new Random(7).nextBytes(bytes);
        System.arraycopy(MP3, 0, bytes, 100, 4);

        assertEquals(Optional.empty(), detect(bytes));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomBytesAreNothing(long seed) {
        byte[] bytes = new byte[FormatDetector.HEAD_BYTES];
        new Random(seed).nextBytes(bytes);

        assertEquals(Optional.empty(), detect(bytes));
    }

    @Test
    void otherFilesAreNothing() {
        byte[] avi = TestAudioFiles.riff("RIFF");
        System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, avi, 8, 4);

        assertEquals(Optional.empty(), detect("Hello, this is not audio.\n".repeat(100).getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), detect(avi));
        assertEquals(Optional.empty(), detect(new byte[0]));
    }
}
