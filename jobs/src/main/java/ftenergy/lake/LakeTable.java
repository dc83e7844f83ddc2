package ftenergy.lake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * One Delta table of the lakehouse.
 *
 * @param name table name, also its directory under the lakehouse root and its SQL name
 * @param schema columns with comments; columns may be added in later versions, never renamed
 * @param keyColumns columns that identify a row: writing the same key twice keeps one copy
 * @param partitionColumns Hive-style partition columns (empty for none)
 * @param description what a row is, for {@code lake describe}
 * @param checks Delta {@code CHECK} constraints by name, added when the table is created. Only on
 *     tables written through Spark: Delta Kernel (4.4) refuses to write a table that has any
 *     ({@code TableFeatures.ConstraintsFeature} lacks Kernel write support), so the tables the
 *     sweep appends to through Kernel are guarded by {@link TableColumns#row} instead
 */
public record LakeTable(
        String name, StructType schema, List<String> keyColumns, List<String> partitionColumns, String description,
        Map<String, String> checks) {

    public LakeTable {
        keyColumns = List.copyOf(keyColumns);
        partitionColumns = List.copyOf(partitionColumns);
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        for (String column : keyColumns) {
            schema.apply(column); // fails early on a key that is not a column
        }
    }

    /** A table without CHECK constraints. */
    public LakeTable(String name, StructType schema, List<String> keyColumns, List<String> partitionColumns, String description) {
        this(name, schema, keyColumns, partitionColumns, description, Map.of());
    }

    /** This table with a CHECK constraint ({@code <column>_allowed}) for every column of {@code columns} that allows only some values. */
    public LakeTable withChecks(TableColumns<?> columns) {
        Map<String, String> all = new LinkedHashMap<>(checks);
        for (Column<?> column : columns.columns()) {
            if (column.check() != null) {
                all.put(column.name() + "_allowed", column.check());
            }
        }
        return new LakeTable(name, schema, keyColumns, partitionColumns, description, all);
    }
}
