package io.genreflow.training.csv;

import java.util.List;
import java.util.stream.Collectors;

/** Formats CSV lines as {@link CsvTable} reads them: LF line ends, quotes only where a field needs them. */
public final class CsvLines {

    private CsvLines() {
    }

    /** One line of {@code fields}, ended by {@code \n}. */
    public static String line(List<String> fields) {
        return fields.stream().map(CsvLines::field).collect(Collectors.joining(",", "", "\n"));
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
