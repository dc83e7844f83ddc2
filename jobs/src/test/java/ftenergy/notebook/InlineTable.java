package ftenergy.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A dataset as an HTML table for a notebook's output: at most a given number of rows (stored
 * notebooks stay small, and a code host renders them), numbers to four significant digits and
 * right-aligned, nulls shown as {@code null}, every value escaped.
 */
public final class InlineTable {

    private InlineTable() {}

    /** The first {@code maxRows} rows of {@code rows} in their order, with a note of how many there are when there are more. */
    public static String html(Dataset<Row> rows, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("a table shows at least one row, asked for " + maxRows);
        }
        List<Row> head = rows.limit(maxRows + 1).collectAsList();
        long total = head.size() > maxRows ? rows.count() : head.size();
        List<List<Object>> values = new ArrayList<>();
        for (Row row : head.subList(0, Math.min(maxRows, head.size()))) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                cells.add(row.get(i));
            }
            values.add(cells);
        }
        return html(List.of(rows.columns()), values, total);
    }

    /**
     * The table of {@code columns} and {@code values} (each row one value per column).
     *
     * @param totalRows rows the values were taken from; more than {@code values} adds a note saying so
     */
    static String html(List<String> columns, List<List<Object>> values, long totalRows) {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        for (String column : columns) {
            out.append("<th>").append(escape(column)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : values) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " values under " + columns.size() + " columns " + columns);
            }
            out.append("<tr>");
            for (Object value : row) {
                out.append(value instanceof Number ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(escape(text(value))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (values.isEmpty()) {
            out.append("<p><i>no rows</i></p>\n");
        } else if (totalRows > values.size()) {
            out.append(String.format(Locale.ROOT, "<p><i>first %d of %,d rows</i></p>%n", values.size(), totalRows));
        }
        return out.toString();
    }

    /** A value as the table shows it. */
    static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return text(CollectionConverters.asJava(seq));
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(text(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return value.toString();
    }

    /** Four significant digits, plain between 0.001 and a million, scientific outside. */
    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == 0 || (magnitude >= 1e-3 && magnitude < 1e6)) {
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
