package io.genreflow.dashboard.export;

import io.genreflow.dashboard.tracks.TrackSummary;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Track summaries as CSV (RFC 4180: comma separated, CRLF, quotes doubled). A cell a spreadsheet
 * would run as a formula (one starting with =, +, -, @, tab or CR) gets a leading apostrophe,
 * since file names and tags are chosen by whoever uploads.
 */
public final class VerdictCsv {

    private static final List<String> HEADER = List.of("id", "name", "title", "artist", "status", "genre",
            "confidence", "uncertain", "degraded", "energy_level", "energy_score", "duration_seconds", "uploaded_at",
            "failure_reason");

    private VerdictCsv() {
    }

    /** The header line and one line per track. */
    public static String of(List<TrackSummary> tracks) {
        StringBuilder csv = new StringBuilder(line(HEADER.stream()));
        for (TrackSummary t : tracks) {
            csv.append(line(Stream.of(t.id(), t.name(), t.title(), t.artist(), t.status(), t.genre(), t.confidence(),
                    t.genre() == null ? null : t.uncertain(), t.genre() == null ? null : t.degraded(), t.energyLevel(),
                    t.energyScore(), t.durationSeconds(), t.createdAt(), t.failureReason())));
        }
        return csv.toString();
    }

    private static String line(Stream<?> cells) {
        return cells.map(cell -> cell == null ? "" : cell(Objects.toString(cell))).collect(Collectors.joining(","))
                + "\r\n";
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?");
    }
}
