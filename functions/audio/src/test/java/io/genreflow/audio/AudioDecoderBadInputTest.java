package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.assertDecodeFails;
import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs that are not audio, or broken audio: each must end in a typed error, never hang or escape. */
@Timeout(20)
class AudioDecoderBadInputTest {

    private static byte[] id3Tag(int bodyBytes) {
        return TestAudioFiles.concat("ID3".getBytes(StandardCharsets.US_ASCII),
                new byte[] {4, 0, 0, 0, 0, (byte) (bodyBytes >> 7), (byte) (bodyBytes & 0x7F)}, new byte[bodyBytes]);
    }

    @Test
    void emptyFile() {
        assertMessageContains(assertDecodeFails(Reason.EMPTY, null, new byte[0]), "empty");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 22, 33, 44, 55})
    void randomBytes(long seed) {
        byte[] bytes = new byte[100_000];
        new Random(seed).nextBytes(bytes);

        assertMessageContains(assertDecodeFails(Reason.UNRECOGNISED_FORMAT, null, bytes), "match no supported format",
                "WAV, AIFF, Sun AU, FLAC, MP3 or Ogg Vorbis");
    }

    @Test
    void textFileNamedMp3IsJudgedByItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("song.mp3");
        Files.writeString(file, "Track list:\n1. Intro\n2. Outro\n");

        try (InputStream in = Files.newInputStream(file)) {
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> AudioDecoder.open(in));
            assertEquals(Reason.UNRECOGNISED_FORMAT, e.reason());
            assertNull(e.format());
            assertMessageContains(e, "text (\"Track list: 1. Intro");
        }
    }

    @Test
    void id3TagWithoutAudio() {
        assertMessageContains(assertDecodeFails(Reason.NO_AUDIO, SourceFormat.MP3, id3Tag(300)), "ID3v2 tag");
    }

    @Test
    void id3TagCutShort() {
        assertDecodeFails(Reason.TRUNCATED, SourceFormat.MP3, Arrays.copyOf(id3Tag(300), 200));
    }

    @Test
    void id3TagFollowedByText() {
        byte[] file = TestAudioFiles.concat(id3Tag(20), "not audio at all".getBytes(StandardCharsets.US_ASCII));

        assertMessageContains(assertDecodeFails(Reason.UNRECOGNISED_FORMAT, null, file), "after its ID3v2 tag");
    }

    @Test
    void mp4AudioIsNamedAsUnsupported() {
        byte[] file = TestAudioFiles.concat(new byte[] {0, 0, 0, 0x20}, "ftypM4A ".getBytes(StandardCharsets.US_ASCII),
                new byte[100]);

        assertMessageContains(assertDecodeFails(Reason.UNSUPPORTED_ENCODING, null, file), "MP4/M4A");
    }

    static Stream<String> compressedFixtures() {
        return Stream.of("sawtooth-noise-16bit-stereo-44100.flac", "burst-lame-cbr128-stereo-44100.mp3",
                "burst-lame-vbr-mono-22050.mp3", "burst-stereo-44100.ogg");
    }

    /** Cutting a file anywhere either decodes what is there or fails with a typed error. */
    @ParameterizedTest
    @MethodSource("compressedFixtures")
    void truncatedAnywhere(String name) {
        byte[] file = Decoded.resource(name);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 30; i++) {
            decodeOrTypedError(Arrays.copyOf(file, random.nextInt(file.length)), name + " cut");
        }
    }

    /** Overwriting bytes (the codec libraries' weak spot) either decodes or fails with a typed error. */
    @ParameterizedTest
    @MethodSource("compressedFixtures")
    void damagedAnywhere(String name) {
        byte[] file = Decoded.resource(name);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 30; i++) {
            byte[] damaged = file.clone();
            int count = 1 + random.nextInt(i < 15 ? 8 : damaged.length / 20);
            for (int k = 0; k < count; k++) {
                damaged[64 + random.nextInt(damaged.length - 64)] = (byte) random.nextInt();
            }
            decodeOrTypedError(damaged, name + " damaged");
        }
    }

    private static void decodeOrTypedError(byte[] file, String what) {
        try {
            Decoded.of(file);
        } catch (AudioDecodeException e) {
            if (e.format() != null && !e.getMessage().startsWith(e.format().displayName() + ": ")) {
                fail(what + ": message does not name the format: " + e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            fail(what + ": escaped as " + e, e);
        }
    }
}
