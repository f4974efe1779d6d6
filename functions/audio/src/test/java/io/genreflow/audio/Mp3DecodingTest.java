package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.correlation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MP3 against the fixtures' known sources. LAME scales its output at 128 kbit/s (by 0.95 here, LAME's
 * own decoder shows the same), so waveform fidelity is judged by correlation, not by raw SNR.
 */
@Timeout(20)
class Mp3DecodingTest {

    private static final byte[] LAME_STEREO = Decoded.resource("burst-lame-cbr128-stereo-44100.mp3");
    private static final byte[] LAME_MPEG2_MONO = Decoded.resource("burst-lame-vbr-mono-22050.mp3");
    private static final byte[] UNTAGGED_MONO = Decoded.resource("burst-no-tag-mono-44100.mp3");

    @Test
    void lameTagTrimsDelayAndPaddingSoLengthAndTimingMatchTheSource() throws IOException {
        double[] source = FixtureSignals.stereoBurstMix(44100);

        Decoded d = Decoded.of(LAME_STEREO);

        assertEquals(SourceFormat.MP3, d.format());
        assertEquals(44100, d.sampleRate());
        assertEquals(2, d.sourceChannels());
        assertEquals(source.length, d.declaredLength());
        assertEquals(source.length, d.samples().length, 2);
        assertOnsetAligned(source, d.samples());
        assertTrue(correlation(source, d.samples()) > 0.999, "correlation " + correlation(source, d.samples()));
    }

    @Test
    void mpeg2VbrMonoIsTrimmedTheSameWay() throws IOException {
        double[] source = FixtureSignals.burst(22050);

        Decoded d = Decoded.of(LAME_MPEG2_MONO);

        assertEquals(22050, d.sampleRate());
        assertEquals(1, d.sourceChannels());
        assertEquals(source.length, d.samples().length, 2);
        assertOnsetAligned(source, d.samples());
        assertTrue(correlation(source, d.samples()) > 0.999, "correlation " + correlation(source, d.samples()));
    }

    @Test
    void withoutLameTagNothingIsTrimmed() throws IOException {
        double[] source = FixtureSignals.burst(44100);

        Decoded d = Decoded.of(UNTAGGED_MONO);

        assertEquals(-1, d.declaredLength());
        int lag = SignalMetrics.bestLag(source, d.samples(), 1500);
        assertEquals(576 + Mp3Stream.DECODER_DELAY, lag, 2, "encoder delay plus decoder delay stay in");
        assertEquals(0, d.samples().length % 1152, "whole frames");
        assertTrue(d.samples().length >= source.length + lag);
    }

    @Test
    void infoFrameYieldsFrameCountDelayAndPadding() {
        int afterTag = (int) Id3v2.tagSize(LAME_STEREO, 0, LAME_STEREO.length);
        int frame = MpegSync.firstFrame(LAME_STEREO, afterTag, LAME_STEREO.length, true);
        MpegFrameHeader header = MpegFrameHeader.parse(LAME_STEREO, frame, LAME_STEREO.length);
        assertNotNull(header);

        Mp3InfoFrame info = Mp3InfoFrame.parse(LAME_STEREO, frame, LAME_STEREO.length, header);

        // lame 3.100 wrote 59 audio frames of 1152 = 576 delay + 66150 samples + 1242 padding.
        assertEquals(new Mp3InfoFrame(59, true, 576, 1242), info);
        assertEquals(null, Mp3InfoFrame.parse(LAME_STEREO, frame + header.frameBytes(), LAME_STEREO.length,
                MpegFrameHeader.parse(LAME_STEREO, frame + header.frameBytes(), LAME_STEREO.length)));
    }

    @Test
    void truncatedFileEndsCleanlyWithTheFramesThatExist() throws IOException {
        float[] full = Decoded.of(LAME_STEREO).samples();

        float[] cut = Decoded.of(Arrays.copyOf(LAME_STEREO, LAME_STEREO.length * 6 / 10)).samples();

        assertTrue(cut.length > full.length / 2 && cut.length < full.length * 7 / 10, "decoded " + cut.length);
        assertArrayEquals(Arrays.copyOf(full, cut.length), cut);
    }

    private static void assertOnsetAligned(double[] source, float[] decoded) {
        assertEquals(0, SignalMetrics.bestLag(source, decoded, 100), 1, "cross-correlation lag");
        int sourceOnset = SignalMetrics.firstAbove(source, 0.2);
        assertEquals(sourceOnset, SignalMetrics.firstAbove(decoded, 0.2), 2, "onset sample");
    }
}
