package ftenergy.lake;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a lakehouse table, defined once: its name, type, whether it may be null, its
 * comment (the analysts' documentation, shown by {@code DESCRIBE TABLE} and {@code docs/tables.md}),
 * the values it allows, and the value a row of it takes from its source record.
 *
 * @param name column name; may be added to a table, never renamed
 * @param type Spark SQL type of the values {@link #value} returns (Java arrays or lists for arrays,
 *     {@link java.sql.Timestamp} for timestamps, {@link org.apache.spark.sql.Row} for structs)
 * @param nullable whether the column may hold null (keys and status columns may not)
 * @param comment what the column means, with its unit
 * @param allowed the only values the column may hold, empty for any
 * @param value the column's value for a source record
 * @param <R> the source record of a row
 */
public record Column<R>(String name, DataType type, boolean nullable, String comment, List<String> allowed,
        Function<? super R, Object> value) {

    public Column {
        allowed = List.copyOf(allowed);
    }

    /** The column as a Spark field, its comment attached. */
    public StructField field() {
        return new StructField(name, type, nullable, Metadata.empty()).withComment(comment);
    }

    /** The SQL condition every value satisfies, for a Delta {@code CHECK} constraint; null when any value goes. */
    public String check() {
        if (allowed.isEmpty()) {
            return null;
        }
        // Quoted here rather than by LakeWriter: columns are built while the table classes initialise.
        return "`" + name + "` IN (" + String.join(", ", allowed.stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")";
    }
}
