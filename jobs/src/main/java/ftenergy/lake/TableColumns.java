package ftenergy.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a table whose rows are made from records of type {@code R}, in order: the schema
 * and every row come from this one list, so they cannot drift apart.
 *
 * <pre>{@code
 * TableColumns<StepRow> steps = TableColumns.<StepRow>builder()
 *         .key("run_id", StringType, "run", r -> r.run().spec().runId())
 *         .add("loss", DoubleType, "training loss", r -> r.step().loss())
 *         .build();
 * Row row = steps.row(stepRow);
 * }</pre>
 *
 * @param <R> the source record of a row
 */
public final class TableColumns<R> {

    private final List<Column<R>> columns;
    private final List<String> keys;

    private TableColumns(List<Column<R>> columns, List<String> keys) {
        this.columns = List.copyOf(columns);
        this.keys = List.copyOf(keys);
    }

    /** A builder adding columns in order. */
    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /** The columns, in order. */
    public List<Column<R>> columns() {
        return columns;
    }

    /** The key columns, in order: together they identify a row. */
    public List<String> keys() {
        return keys;
    }

    /** The table's schema, comments and nullability included. */
    public StructType schema() {
        return new StructType(columns.stream().map(Column::field).toArray(StructField[]::new));
    }

    /**
     * The row of {@code record}, laid out as {@link #schema()}.
     *
     * @throws LakeException naming the column when a value breaks its column's rules (null in a
     *     NOT NULL column, a value outside the allowed ones), so nothing invalid reaches a table
     */
    public Row row(R record) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column<R> column = columns.get(i);
            Object value = column.value().apply(record);
            if (value == null && !column.nullable()) {
                throw new LakeException("column '" + column.name() + "' may not be null (row " + describe(values) + ")");
            }
            if (value != null && !column.allowed().isEmpty() && !column.allowed().contains(value)) {
                throw new LakeException("column '" + column.name() + "' may hold " + column.allowed() + ", not '" + value
                        + "' (row " + describe(values) + ")");
            }
            values[i] = value;
        }
        return RowFactory.create(values);
    }

    /** The row's key values known so far, for error messages. */
    private String describe(Object[] values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (keys.contains(columns.get(i).name()) && values[i] != null) {
                parts.add(columns.get(i).name() + "=" + values[i]);
            }
        }
        return parts.isEmpty() ? "without key" : String.join(", ", parts);
    }

    /**
     * Adds columns in order.
     *
     * @param <R> the source record of a row
     */
    public static final class Builder<R> {
        private final List<Column<R>> columns = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();

        private Builder() {}

        /** A key column: part of what identifies a row, never null. */
        public Builder<R> key(String name, DataType type, String comment, Function<? super R, Object> value) {
            keys.add(name);
            return column(new Column<>(name, type, false, comment, List.of(), value));
        }

        /** A string key column holding one of {@code allowed}. */
        public Builder<R> keyOneOf(String name, List<String> allowed, String comment, Function<? super R, Object> value) {
            keys.add(name);
            return column(new Column<>(name, org.apache.spark.sql.types.DataTypes.StringType, false, comment, allowed, value));
        }

        /** A column that is never null. */
        public Builder<R> required(String name, DataType type, String comment, Function<? super R, Object> value) {
            return column(new Column<>(name, type, false, comment, List.of(), value));
        }

        /** A string column that is never null and holds one of {@code allowed}. */
        public Builder<R> oneOf(String name, List<String> allowed, String comment, Function<? super R, Object> value) {
            return column(new Column<>(name, org.apache.spark.sql.types.DataTypes.StringType, false, comment, allowed, value));
        }

        /** A column that may be null. */
        public Builder<R> add(String name, DataType type, String comment, Function<? super R, Object> value) {
            return column(new Column<>(name, type, true, comment, List.of(), value));
        }

        private Builder<R> column(Column<R> column) {
            if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
                throw new IllegalArgumentException("column '" + column.name() + "' defined twice");
            }
            columns.add(column);
            return this;
        }

        public TableColumns<R> build() {
            return new TableColumns<>(columns, keys);
        }
    }
}
