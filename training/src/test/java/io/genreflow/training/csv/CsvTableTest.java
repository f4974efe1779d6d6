package io.genreflow.training.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedFieldsLineEndsAndByteOrderMark() throws IOException {
        CsvTable table = CsvTable.parse("\uFEFFpath,label\r\n\"a, b.wav\",rock\r\n\"say \"\"hi\"\".ogg\",jazz\n"
                + "\"two\nlines.wav\",pop\n\nlast.wav,blues", "test.csv");
        assertEquals(List.of("path", "label"), table.header());
        assertEquals(List.of("a, b.wav", "rock"), table.rows().get(0).fields());
        assertEquals(List.of("say \"hi\".ogg", "jazz"), table.rows().get(1).fields());
        assertEquals(List.of("two\nlines.wav", "pop"), table.rows().get(2).fields());
        assertEquals(List.of("last.wav", "blues"), table.rows().get(3).fields());
        assertEquals(4, table.rows().size());
        assertEquals(List.of(2, 3, 4, 7), table.rows().stream().map(CsvTable.Row::line).toList());
    }

    @Test
    void formatsLinesItReadsBack() throws IOException {
        List<String> fields = List.of("plain", "with,comma", "with \"quote\"", "", "new\nline");
        String text = CsvLines.line(List.of("a", "b", "c", "d", "e")) + CsvLines.line(fields);
        assertEquals("plain,\"with,comma\",\"with \"\"quote\"\"\",,\"new\nline\"\n", CsvLines.line(fields));
        assertEquals(fields, CsvTable.parse(text, "t").rows().get(0).fields());
    }

    @Test
    void namesWhatIsWrong() {
        IOException fields = assertThrows(IOException.class, () -> CsvTable.parse("a,b\n1,2\n3\n", "m.csv"));
        assertEquals("m.csv line 3 has 1 fields, the header 2", fields.getMessage());
        IOException quote = assertThrows(IOException.class, () -> CsvTable.parse("a\n\"open\n", "m.csv"));
        assertTrue(quote.getMessage().contains("never closed"));
        IOException column = assertThrows(IOException.class, () -> CsvTable.parse("path,genre\n", "m.csv").column("label", "m.csv"));
        assertEquals("m.csv has no column 'label'; its columns are [path, genre]", column.getMessage());
        assertThrows(IOException.class, () -> CsvTable.parse("", "m.csv"));
    }
}
