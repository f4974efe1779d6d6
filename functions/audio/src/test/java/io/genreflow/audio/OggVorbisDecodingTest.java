package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static io.genreflow.audio.DecodeAssertions.assertDecodeFails;
import static io.genreflow.audio.DecodeAssertions.assertMessageContains;
import static io.genreflow.audio.DecodeAssertions.correlation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OggVorbisDecodingTest {

    private static final byte[] STEREO = Decoded.resource("burst-stereo-44100.ogg");

    @Test
    void decodesToTheSourceLengthAlignedAndFaithful() throws IOException {
        double[] source = FixtureSignals.stereoBurstMix(44100);

        Decoded d = Decoded.of(STEREO);

        assertEquals(SourceFormat.OGG_VORBIS, d.format());
        assertEquals(44100, d.sampleRate());
        assertEquals(2, d.sourceChannels());
        assertEquals(source.length, d.samples().length, "the last granule position trims the padding");
        assertEquals(0, SignalMetrics.bestLag(source, d.samples(), 100));
        assertEquals(SignalMetrics.firstAbove(source, 0.2), SignalMetrics.firstAbove(d.samples(), 0.2), 2);
        assertTrue(correlation(source, d.samples()) > 0.999, "correlation " + correlation(source, d.samples()));
        assertTrue(SignalMetrics.snrDb(source, d.samples()) > 25, "SNR " + SignalMetrics.snrDb(source, d.samples()));
    }

    @Test
    void truncatedStreamFailsAsTruncated() {
        byte[] cut = Arrays.copyOf(STEREO, STEREO.length / 2);

        assertMessageContains(assertDecodeFails(Reason.TRUNCATED, SourceFormat.OGG_VORBIS, cut), "last page");
    }

    @Test
    void damagedPageFailsAsCorrupt() {
        byte[] damaged = STEREO.clone();
        damaged[damaged.length * 2 / 3] ^= 0x01;

        assertMessageContains(assertDecodeFails(Reason.CORRUPT_DATA, SourceFormat.OGG_VORBIS, damaged), "checksum");
    }

    @Test
    void otherOggCodecsAreNamedAsUnsupported() {
        byte[] page = new byte[27 + 1 + 19];
        System.arraycopy("OggS".getBytes(), 0, page, 0, 4);
        page[26] = 1;
        page[27] = 19;
        System.arraycopy("OpusHead".getBytes(), 0, page, 28, 8);

        assertMessageContains(assertDecodeFails(Reason.UNSUPPORTED_ENCODING, null, page), "Opus", "only Ogg Vorbis");
    }
}
