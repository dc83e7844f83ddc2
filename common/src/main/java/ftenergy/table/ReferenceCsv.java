package ftenergy.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The format of the shipped reference tables: {@code #} comment lines (where sources are cited),
 * blank lines, one header line, then comma-separated rows whose last field may itself hold commas.
 */
public final class ReferenceCsv {

    /**
     * One data row.
     *
     * @param lineNumber 1-based line in the file, for error messages
     * @param fields the row split into at most the table's column count
     * @param text the line as written
     */
    public record Row(int lineNumber, String[] fields, String text) {}

    private ReferenceCsv() {}

    /** The data rows, each split into at most {@code columns} fields (fewer when the line has fewer). */
    public static List<Row> rows(InputStream in, int columns) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        boolean header = true;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(new Row(lineNumber, line.split(",", columns), line));
        }
        return rows;
    }
}
