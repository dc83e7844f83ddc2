package ftenergy.lake;

/**
 * What {@code lake describe} prints for one table.
 *
 * @param name table name
 * @param path its location
 * @param exists whether the Delta table exists
 * @param rows row count of the current version
 * @param version current Delta version
 * @param files data files in the current version
 * @param columns number of columns
 * @param description what a row is
 */
public record TableSummary(
        String name, String path, boolean exists, long rows, long version, long files, int columns, String description) {

    static TableSummary absent(LakeTable table, String path) {
        return new TableSummary(table.name(), path, false, 0, -1, 0, table.schema().size(), table.description());
    }
}
