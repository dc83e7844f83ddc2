package ftenergy.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table of the report, ready to print: a title, column headers, the cells as text, and the note
 * that says where the numbers come from and how they were computed.
 *
 * @param title heading above the table
 * @param headers column headers
 * @param rows cells, one list per row, as many as headers
 * @param note source tables, columns and formulas
 * @param whenEmpty what the report says instead of a table without rows
 */
record HtmlTable(String title, List<String> headers, List<List<String>> rows, String note, String whenEmpty) {

    HtmlTable {
        headers = List.copyOf(headers);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + title + "': a row of " + row.size() + " cells under "
                        + headers.size() + " headers " + headers);
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** Appends the table (or {@link #whenEmpty}) and its note to {@code html}. */
    void render(StringBuilder html) {
        html.append("<h3>").append(escape(title)).append("</h3>\n");
        if (rows.isEmpty()) {
            html.append("<p>").append(escape(whenEmpty)).append("</p>\n");
        } else {
            html.append("<div class=\"wide\"><table><tr>");
            headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
            html.append("</tr>\n");
            for (List<String> row : rows) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</table></div>\n");
        }
        html.append("<p class=\"source\">").append(escape(note)).append("</p>\n");
    }

    /** {@code s} with HTML's special characters escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
