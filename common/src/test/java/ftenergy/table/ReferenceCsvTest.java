package ftenergy.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCsvTest {

    private static List<ReferenceCsv.Row> rows(String csv, int columns) throws IOException {
        return ReferenceCsv.rows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "table.csv", columns);
    }

    @Test
    void commentsBlankLinesAndHeader_areSkipped_linesCountedInTheFile() throws IOException {
        String csv = "# source: somewhere, cited\n\nmodel,tdp_watts,source\n# a note\nXeon A,85,Intel ARK\n   \nXeon B,105,AMD\n";

        List<ReferenceCsv.Row> rows = rows(csv, 3);

        assertEquals(List.of(5, 7), rows.stream().map(ReferenceCsv.Row::lineNumber).toList());
        assertEquals(List.of("Xeon A", "85", "Intel ARK"), rows.get(0).fields());
    }

    @Test
    void lastField_keepsItsCommas_andQuotingWorks() throws IOException {
        String csv = "region,source\nCAMX,EPA eGRID2022, table SRL22\n\"FRA, mainland\",\"Ember \"\"yearly\"\"\"\n";

        List<ReferenceCsv.Row> rows = rows(csv, 2);

        assertEquals(List.of("CAMX", "EPA eGRID2022, table SRL22"), rows.get(0).fields());
        assertEquals(List.of("FRA, mainland", "Ember \"yearly\""), rows.get(1).fields());
        assertEquals("CAMX,EPA eGRID2022, table SRL22", rows.get(0).text());
    }

    @Test
    void quotedLineBreak_rowIsNumberedByTheLineItStartsOn() throws IOException {
        String csv = "a,b\n\"two\nlines\",x\r\nnext,y\n";

        List<ReferenceCsv.Row> rows = rows(csv, 2);

        assertEquals(List.of(2, 4), rows.stream().map(ReferenceCsv.Row::lineNumber).toList());
        assertEquals("two\nlines", rows.get(0).fields().get(0));
    }

    @Test
    void brokenQuoting_failsNamingSourceAndLine() {
        String csv = "a,b\nok,1\n\"closed\" then text,2\n";

        IOException e = assertThrows(IOException.class, () -> rows(csv, 2));

        assertTrue(e.getMessage().startsWith("table.csv:3: "), e.getMessage());
    }
}
