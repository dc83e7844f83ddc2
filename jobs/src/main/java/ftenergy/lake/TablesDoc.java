package ftenergy.lake;

import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code docs/tables.md}, the analysts' contract, written from the tables' definitions in code:
 * every table's key, layout, constraints and columns with their types and meanings. A test keeps
 * the file equal to what this writes; {@code ftenergy lake docs} prints it.
 */
public final class TablesDoc {

    private TablesDoc() {}

    /** The whole document, Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# The lakehouse's tables\n\n")
                .append("Generated from the table definitions in `jobs/src/main/java/ftenergy/lake/*Table.java` by\n")
                .append("`bin/ftenergy lake docs`; a test fails when this file and the code disagree. This is the analysts'\n")
                .append("contract: columns may be added, never renamed. Opening an older lakehouse adds the new columns\n")
                .append("(its old rows read them as null).\n\n")
                .append("Every table lives under `ftenergy.lakehouse/<table>` and is registered as\n")
                .append("`<ftenergy.lake.database>.<table>` (default `ftenergy.runs`, ...). Key columns and those marked\n")
                .append("*not null* never hold null. Columns with a fixed set of values are checked when a row is made;\n")
                .append("tables written through Spark also carry them as Delta CHECK constraints (Delta Kernel, which appends\n")
                .append("the run tables, cannot write tables that have any).\n\n");
        md.append("| table | a row is | key |\n| --- | --- | --- |\n");
        for (LakeTable table : LakeTables.all()) {
            md.append("| [`").append(table.name()).append("`](#").append(table.name()).append(") | ").append(table.description())
                    .append(" | ").append(String.join(", ", table.keyColumns())).append(" |\n");
        }
        for (LakeTable table : LakeTables.all()) {
            md.append("\n## ").append(table.name()).append("\n\n").append(capitalised(table.description())).append(". Key: ")
                    .append(String.join(", ", table.keyColumns())).append('.');
            if (!table.partitionColumns().isEmpty()) {
                md.append(" Partitioned by ").append(String.join(", ", table.partitionColumns())).append('.');
            }
            if (!table.checks().isEmpty()) {
                md.append(" CHECK constraints: ");
                md.append(String.join("; ", table.checks().entrySet().stream().map(e -> "`" + e.getKey() + "` (" + e.getValue() + ")")
                        .toList())).append('.');
            }
            md.append("\n\n| column | type | | meaning |\n| --- | --- | --- | --- |\n");
            columns(md, table.schema().fields(), table.keyColumns(), "");
        }
        return md.toString();
    }

    private static void columns(StringBuilder md, StructField[] fields, List<String> keys, String prefix) {
        for (StructField field : fields) {
            String marks = keys.contains(field.name()) ? "key" : field.nullable() ? "" : "not null";
            md.append("| `").append(prefix).append(field.name()).append("` | ").append(type(field.dataType())).append(" | ")
                    .append(marks).append(" | ").append(field.getComment().isDefined() ? field.getComment().get().replace("|", "\\|") : "")
                    .append(" |\n");
            DataType element = field.dataType() instanceof ArrayType array ? array.elementType() : field.dataType();
            if (element instanceof StructType struct) {
                columns(md, struct.fields(), List.of(), prefix + field.name() + (field.dataType() instanceof ArrayType ? "[]." : "."));
            }
        }
    }

    private static String type(DataType type) {
        if (type instanceof ArrayType array) {
            return "array<" + type(array.elementType()) + ">";
        }
        return type instanceof StructType ? "struct" : type.simpleString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
