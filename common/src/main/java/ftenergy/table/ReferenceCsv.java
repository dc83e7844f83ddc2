package ftenergy.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV dialect of the shipped reference tables, which wall-meter logs share: Apache Commons
 * CSV's default (RFC 4180 quoting), {@code #} comment lines (where sources are cited) and blank
 * lines skipped. A table has one header line, then rows whose last field may itself hold commas.
 */
public final class ReferenceCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    /**
     * One record.
     *
     * @param lineNumber 1-based line where the record starts, for error messages
     * @param fields the fields, unquoted and untrimmed
     */
    public record Row(int lineNumber, List<String> fields) {

        /** The fields joined by commas, for error messages. */
        public String text() {
            return String.join(",", fields);
        }
    }

    private ReferenceCsv() {}

    /**
     * The data rows of a table (the header line skipped), each cut to at most {@code columns}
     * fields: the fields after the last column are joined back to it with their commas.
     *
     * @param source the file or resource name, for error messages
     * @throws IOException naming {@code source} and the line for broken quoting
     */
    public static List<Row> rows(InputStream in, String source, int columns) throws IOException {
        List<Row> records = records(new InputStreamReader(in, StandardCharsets.UTF_8), source);
        List<Row> rows = new ArrayList<>();
        for (Row record : records.subList(Math.min(1, records.size()), records.size())) {
            List<String> fields = record.fields();
            if (fields.size() > columns) {
                List<String> cut = new ArrayList<>(fields.subList(0, columns - 1));
                cut.add(String.join(",", fields.subList(columns - 1, fields.size())));
                fields = cut;
            }
            rows.add(new Row(record.lineNumber(), List.copyOf(fields)));
        }
        return rows;
    }

    /**
     * Every record in file order, a header line included; lines of blanks are skipped too. The
     * caller closes {@code in}.
     *
     * @param source the file or resource name, for error messages
     * @throws IOException naming {@code source} and the line for broken quoting
     */
    public static List<Row> records(Reader in, String source) throws IOException {
        List<Row> records = new ArrayList<>();
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        Iterator<CSVRecord> iterator = parser.iterator();
        try {
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                List<String> fields = record.toList();
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // The parser's line count stands at the record's last line; quoted line breaks move its start up.
                long start = parser.getCurrentLineNumber() - fields.stream().mapToLong(ReferenceCsv::lineBreaks).sum();
                records.add(new Row(Math.toIntExact(start), List.copyOf(fields)));
            }
        } catch (UncheckedIOException e) {
            throw new IOException(source + ":" + parser.getCurrentLineNumber() + ": " + e.getCause().getMessage(), e);
        }
        return records;
    }

    /** Line breaks as the parser counts them: {@code \r\n}, {@code \n} or {@code \r}. */
    private static long lineBreaks(String field) {
        long breaks = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }
}
