package ftenergy.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A small table for the report, with the lakehouse table and columns it came from.
 *
 * @param caption what the table shows
 * @param source the lakehouse table and filter the rows were read from
 * @param columns column names, exactly as in the source table
 * @param rows cell values (null for SQL NULL)
 */
public record TableData(String caption, String source, List<String> columns, List<List<Object>> rows) {

    public TableData {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** Collects {@code columns} of {@code data} (which must be small: it is brought to the driver). */
    public static TableData of(String caption, String source, Dataset<Row> data, String... columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : data.selectExpr(columns).collectAsList()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                cells.add(r.isNullAt(i) ? null : r.get(i));
            }
            rows.add(cells);
        }
        return new TableData(caption, source, Arrays.asList(columns), rows);
    }
}
