package io.genreflow.training.csv;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read whole (RFC 4180: comma-separated, fields optionally in double quotes with
 * {@code ""} for a quote, CRLF or LF line ends, a UTF-8 byte-order mark ignored), first line the
 * header. Meant for manifests of thousands of lines, not for data tables of millions.
 *
 * @param header the column names
 * @param rows   the data lines, each with as many fields as the header
 */
public record CsvTable(List<String> header, List<Row> rows) {

    /**
     * One data line.
     *
     * @param line   the line number in the file where the row starts, from 1 (the header is line 1)
     * @param fields the row's values in column order
     */
    public record Row(int line, List<String> fields) {

        public Row {
            fields = List.copyOf(fields);
        }

        public String get(int column) {
            return fields.get(column);
        }
    }

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads and parses {@code path}. */
    public static CsvTable read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(path + " is not UTF-8 text", e);
        }
        return parse(text, path.toString());
    }

    /** Parses CSV text; {@code source} names it in error messages. */
    public static CsvTable parse(String text, String source) throws IOException {
        List<Row> lines = new Parser(text, source).lines();
        if (lines.isEmpty()) {
            throw new IOException(source + " is empty; it needs a header line");
        }
        List<String> header = lines.get(0).fields().stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>(lines.size() - 1);
        for (Row row : lines.subList(1, lines.size())) {
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                throw new IOException(source + " line " + row.line() + " has " + row.fields().size() + " fields, the header "
                        + header.size());
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    /**
     * Position of the column named {@code name}.
     *
     * @throws IOException naming the columns there are when it is missing
     */
    public int column(String name, String source) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IOException(source + " has no column '" + name + "'; its columns are " + header);
        }
        return index;
    }

    /** Splits text into rows of fields, keeping quoted commas and line breaks inside their field. */
    private static final class Parser {

        private final String text;
        private final String source;
        private int position;
        private int line = 1;

        Parser(String text, String source) {
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.source = source;
        }

        List<Row> lines() throws IOException {
            List<Row> rows = new ArrayList<>();
            while (position < text.length()) {
                int start = line;
                rows.add(new Row(start, fieldsOfLine()));
            }
            return rows;
        }

        private List<String> fieldsOfLine() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (quoted) {
                    if (c == '"') {
                        if (position < text.length() && text.charAt(position) == '"') {
                            field.append('"');
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    line++;
                    break;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new IOException(source + " line " + line + ": a quoted field is never closed");
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
