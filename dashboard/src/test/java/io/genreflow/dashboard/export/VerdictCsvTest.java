package io.genreflow.dashboard.export;

import io.genreflow.contracts.TrackStatus;
import io.genreflow.dashboard.tracks.TrackSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictCsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        assertEquals("plain", VerdictCsv.cell("plain"));
        assertEquals("\"a,b\"", VerdictCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", VerdictCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", VerdictCsv.cell("two\nlines"));
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""), VerdictCsv.cell("=HYPERLINK(\"x\")").replaceAll("^\"|\"$", ""));
        assertEquals("'@cmd", VerdictCsv.cell("@cmd"));
        assertEquals("-12.5", VerdictCsv.cell("-12.5"), "a negative number stays a number");
    }

    @Test
    void writesAHeaderAndOneLinePerTrack() {
        TrackSummary done = new TrackSummary("0123456789abcdef0123", "a.wav", "T", "A", TrackStatus.DONE, 4, 4, "jazz",
                0.75, false, true, "HIGH", 0.8, 12.0, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", null);
        TrackSummary failed = new TrackSummary("fedcba98765432100123", "b.mp3", null, null, TrackStatus.FAILED, 0, 0, null,
                null, false, false, null, null, null, "2026-01-02T00:00:00Z", "2026-01-02T00:00:01Z", "MP3: broken, sorry");
        String[] lines = VerdictCsv.of(List.of(done, failed)).split("\r\n");
        assertEquals(3, lines.length);
        assertEquals("0123456789abcdef0123,a.wav,T,A,DONE,jazz,0.75,false,true,HIGH,0.8,12.0,2026-01-01T00:00:00Z,", lines[1]);
        assertEquals("fedcba98765432100123,b.mp3,,,FAILED,,,,,,,,2026-01-02T00:00:00Z,\"MP3: broken, sorry\"", lines[2]);
    }
}
