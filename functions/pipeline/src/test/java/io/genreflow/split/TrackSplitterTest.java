package io.genreflow.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.audio.AudioDecodeException;
import io.genreflow.contracts.AudioInfo;
import io.genreflow.contracts.SourceFormat;
import io.genreflow.energy.EnergyAnalyzer;
import io.genreflow.energy.EnergyScore;
import io.genreflow.fixtures.FixtureModels;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.pcm.PcmBuffer;
import io.genreflow.pipeline.TestTracks;
import io.genreflow.snippets.SnippetPlanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TrackSplitterTest {

    private static final ModelManifest MANIFEST = FixtureModels.pipeline();
    private static final TrackSplitter SPLITTER = new TrackSplitter(MANIFEST, SplitLimits.defaults());

    @Test
    void oneStreamingPassGivesWhatDecodingResamplingPlanningAndEnergyGiveOnTheWholeSignal() throws IOException {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(7.3, 2.5, 44100, 1), 44100, 2);
        float[] direct = TestTracks.decodeDirectly(wav, GeneratedAudio.RATE);
        PcmBuffer pcm = new PcmBuffer();

        SplitResult split = SPLITTER.split(new ByteArrayInputStream(wav), pcm);

        assertEquals(AudioInfo.of(SourceFormat.WAV, 2, 44100, GeneratedAudio.RATE, direct.length), split.audio());
        assertEquals(wav.length, split.sourceBytes());
        assertArrayEquals(direct, pcm.read(0, direct.length));
        assertEquals(SnippetPlanner.plan(MANIFEST.snippets(), GeneratedAudio.RATE, MANIFEST.features().snippetGrid(), direct), split.plan());
        EnergyAnalyzer energy = new EnergyAnalyzer(MANIFEST.features());
        energy.accept(direct, 0, direct.length);
        assertEquals(EnergyScore.of(energy.finish()), split.energy());
    }

    @Test
    void thePlanCoversTheEndAndFlagsSnippetsOfSilence() throws IOException {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(9.3, 3.5, GeneratedAudio.RATE, 2), GeneratedAudio.RATE, 1);

        SplitResult split = SPLITTER.split(new ByteArrayInputStream(wav), new PcmBuffer());

        // On the fixture models' frame grid: starts every 43 frames of 512 samples (0.9985 s) up to
        // 6 s, then the first frame from which a snippet reaches the track's end (9.3 s).
        assertArrayEquals(new long[] {0, 22016, 44032, 66048, 88064, 110080, 132096, 139264}, split.snippetStarts());
        // The sound stops at 5.8 s: only snippets starting after it are silent.
        assertArrayEquals(new boolean[] {false, false, false, false, false, false, true, true},
                split.plan().silentMask());
    }

    @Test
    void theByteWriterWritesThePcmLayout() throws IOException {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(2.2, 0, 48000, 3), 48000, 1);
        float[] direct = TestTracks.decodeDirectly(wav, GeneratedAudio.RATE);
        ByteArrayOutputStream object = new ByteArrayOutputStream();

        SplitResult split = SPLITTER.split(new ByteArrayInputStream(wav), new PcmByteWriter(object));

        ByteBuffer expected = ByteBuffer.allocate(direct.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        expected.asFloatBuffer().put(direct);
        assertArrayEquals(expected.array(), object.toByteArray());
        assertEquals(direct.length, split.audio().totalSamples());
    }

    @Test
    void anMp3IsSplitLikeAnyOtherFormat() throws IOException {
        byte[] mp3 = TestTracks.resource("/audio/burst-lame-cbr128-stereo-44100.mp3");
        float[] direct = TestTracks.decodeDirectly(mp3, GeneratedAudio.RATE);
        PcmBuffer pcm = new PcmBuffer();

        SplitResult split = SPLITTER.split(new ByteArrayInputStream(mp3), pcm);

        assertEquals(SourceFormat.MP3, split.audio().sourceFormat());
        assertEquals(2, split.audio().sourceChannels());
        assertEquals(mp3.length, split.sourceBytes());
        assertArrayEquals(direct, pcm.read(0, direct.length));
    }

    @Test
    void bytesAfterTheAudioAreReadAndCounted() throws IOException {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(1.0, 0, GeneratedAudio.RATE, 4), GeneratedAudio.RATE, 1, false,
                new byte[3001]);

        SplitResult split = SPLITTER.split(new ByteArrayInputStream(wav), new PcmBuffer());

        assertEquals(wav.length, split.sourceBytes());
        assertEquals(GeneratedAudio.RATE, split.audio().totalSamples());
    }

    @Test
    void audioLongerThanTheLimitIsRefusedFromItsHeader() {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(5, 0, GeneratedAudio.RATE, 5), GeneratedAudio.RATE, 1);
        TrackSplitter splitter = new TrackSplitter(MANIFEST, new SplitLimits(1 << 30, 2.5));
        PcmBuffer pcm = new PcmBuffer();

        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> splitter.split(new ByteArrayInputStream(wav), pcm));

        assertEquals(AudioDecodeException.Reason.TOO_LONG, e.reason());
        assertEquals("WAV: the audio is longer than the limit of 2.5 s (its header announces 5.0 s)", e.getMessage());
        assertEquals(0, pcm.totalSamples(), "nothing is decoded when the header says it is too long");
    }

    @Test
    void audioOfUnannouncedLengthIsStoppedAtTheLimit() {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(5, 0, GeneratedAudio.RATE, 6), GeneratedAudio.RATE, 1, true,
                new byte[0]);
        TrackSplitter splitter = new TrackSplitter(MANIFEST, new SplitLimits(1 << 30, 2.5));
        PcmBuffer pcm = new PcmBuffer();

        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> splitter.split(new ByteArrayInputStream(wav), pcm));

        assertEquals(AudioDecodeException.Reason.TOO_LONG, e.reason());
        assertTrue(e.getMessage().contains("longer than the limit of 2.5 s"), e.getMessage());
        assertTrue(pcm.totalSamples() <= 2.5 * GeneratedAudio.RATE, "stops at the limit, not at the end");
    }

    @Test
    void aFileLargerThanTheByteLimitIsRefusedWhereverTheLimitFalls() {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(2, 0, GeneratedAudio.RATE, 7), GeneratedAudio.RATE, 1);
        for (long limit : new long[] {20, 10_000, wav.length - 1}) {
            TrackSplitter splitter = new TrackSplitter(MANIFEST, new SplitLimits(limit, 60));

            AudioDecodeException e = assertThrows(AudioDecodeException.class,
                    () -> splitter.split(new ByteArrayInputStream(wav), new PcmBuffer()), "limit " + limit);

            assertEquals(AudioDecodeException.Reason.TOO_LONG, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("larger than the limit of " + limit + " bytes"), e.getMessage());
        }
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() throws IOException {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(2, 0, GeneratedAudio.RATE, 7), GeneratedAudio.RATE, 1);
        TrackSplitter splitter = new TrackSplitter(MANIFEST, new SplitLimits(wav.length, 2));

        assertEquals(2.0, splitter.split(new ByteArrayInputStream(wav), new PcmBuffer()).audio().durationSeconds());
    }

    @Test
    void audioWithoutSamplesIsATypedFailure() {
        byte[] wav = GeneratedAudio.wav(new float[0], GeneratedAudio.RATE, 2);

        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> SPLITTER.split(new ByteArrayInputStream(wav), new PcmBuffer()));

        assertEquals(AudioDecodeException.Reason.NO_AUDIO, e.reason());
        assertTrue(e.getMessage().startsWith("WAV: "), e.getMessage());
    }

    @Test
    void bytesThatAreNotAudioKeepTheDecodersReason() {
        byte[] text = "title,artist\nSo What,Miles Davis\n".repeat(20).getBytes();

        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> SPLITTER.split(new ByteArrayInputStream(text), new PcmBuffer()));

        assertEquals(AudioDecodeException.Reason.UNRECOGNISED_FORMAT, e.reason());
        assertEquals(AudioDecodeException.Reason.EMPTY, assertThrows(AudioDecodeException.class,
                () -> SPLITTER.split(new ByteArrayInputStream(new byte[0]), new PcmBuffer())).reason());
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(1, 0, GeneratedAudio.RATE, 8), GeneratedAudio.RATE, 1);
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(wav) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        SPLITTER.split(in, new PcmBuffer());

        assertFalse(closed[0]);
        assertEquals(0, in.available(), "read to the end");
    }
}
