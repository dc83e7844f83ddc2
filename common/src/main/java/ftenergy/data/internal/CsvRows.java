package ftenergy.data.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated rows: quoted fields may hold commas, doubled quotes and line breaks.
 *
 * <p>Not thread-safe; the caller closes the reader.
 */
public final class CsvRows {

    /**
     * One row.
     *
     * @param line 1-based line where the row starts
     * @param fields the fields, unquoted
     * @param problem why the row is malformed, or {@code null}
     */
    public record Row(long line, List<String> fields, String problem) {}

    private final Reader in;
    private long line = 1;
    private int peeked = -2;

    public CsvRows(Reader in) {
        this.in = in;
    }

    /** The next row, or {@code null} at end of input. */
    public Row next() throws IOException {
        if (peek() < 0) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        while (true) {
            int c = read();
            if (c < 0 || c == '\n') {
                fields.add(field.toString());
                return new Row(start, fields, problem);
            }
            if (c == '\r') {
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.length() == 0) {
                if (!readQuoted(field)) {
                    fields.add(field.toString());
                    return new Row(start, fields, "quoted field opened here is never closed");
                }
                int after = peek();
                if (after >= 0 && after != ',' && after != '\n' && after != '\r' && problem == null) {
                    problem = "text after a closing quote";
                }
            } else {
                field.append((char) c);
            }
        }
    }

    private boolean readQuoted(StringBuilder field) throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return false;
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return true;
                }
            } else {
                field.append((char) c);
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
