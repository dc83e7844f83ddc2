package ftenergy.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Query results as tab-separated text for shell scripts and {@code cut}/{@code sort}: a header line
 * of column names, then one line per row. Every value is Spark's own string form of it (the same as
 * {@code CAST(x AS STRING)}: timestamps in the session time zone, arrays as {@code [a, b]}); SQL
 * NULL is {@code \N}, and backslash, tab, newline and carriage return inside a value are escaped
 * as {@code \\ \t \n \r}, so every row is exactly one line (the convention of PostgreSQL's COPY).
 */
final class TabSeparated {

    static final String NULL = "\\N";

    private TabSeparated() {}

    /** Prints {@code rows}, streaming them partition by partition so large results never sit on the driver whole. */
    static void print(Dataset<Row> rows, PrintStream out) {
        String[] names = rows.columns();
        // Positional aliases: a join may yield two columns of one name, which col(name) could not tell apart.
        String[] positions = new String[names.length];
        Arrays.setAll(positions, i -> "c" + i);
        Column[] asText = Arrays.stream(positions).map(p -> col(p).cast("string")).toArray(Column[]::new);
        print(names, rows.toDF(positions).select(asText).toLocalIterator(), out);
    }

    /** Prints rows whose values are already strings (or null) under the header {@code names}. */
    static void print(String[] names, Iterator<Row> rows, PrintStream out) {
        out.println(String.join("\t", Arrays.stream(names).map(TabSeparated::escape).toList()));
        while (rows.hasNext()) {
            Row row = rows.next();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length(); i++) {
                if (i > 0) {
                    line.append('\t');
                }
                line.append(row.isNullAt(i) ? NULL : escape(String.valueOf(row.get(i))));
            }
            out.println(line);
        }
        out.flush();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
