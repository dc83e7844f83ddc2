package ftenergy.lake;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * One Delta table of the lakehouse.
 *
 * @param name table name, also its directory under the lakehouse root and its SQL name
 * @param schema columns with comments; columns may be added in later versions, never renamed
 * @param keyColumns columns that identify a row: writing the same key twice keeps one copy
 * @param partitionColumns Hive-style partition columns (empty for none)
 * @param description what a row is, for {@code lake describe}
 */
public record LakeTable(
        String name, StructType schema, List<String> keyColumns, List<String> partitionColumns, String description) {

    public LakeTable {
        keyColumns = List.copyOf(keyColumns);
        partitionColumns = List.copyOf(partitionColumns);
        for (String column : keyColumns) {
            schema.apply(column); // fails early on a key that is not a column
        }
    }
}
