package ftenergy.prepare;

import static org.apache.spark.sql.functions.col;

import ftenergy.data.QaRecord;
import ftenergy.data.ReadIssue;
import ftenergy.data.TaggedRecord;
import ftenergy.data.TaskRecord;
import ftenergy.data.TextRecord;
import ftenergy.task.TaskColumns;
import ftenergy.task.TaskDefinition;
import ftenergy.task.TaskFormat;
import ftenergy.task.TaskKind;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A task stored as a table (CSV, JSON documents, Parquet, Delta), read by Spark's data sources on
 * the executors, so any path, glob or Hadoop URI the cluster reads works ({@code hdfs://},
 * {@code s3a://}, {@code abfss://}). Only the mapped columns are read. Each row becomes a record
 * where it is well-formed, else an issue that names its file and row: CSV and JSON files are read
 * whole by one task each, so a row's number is its place in the file; Parquet gives it.
 */
final class TableRecords {

    private static final String CORRUPT = "_corrupt_record";
    private static final String FILE = "_ftenergy_file";
    private static final String ROW_INDEX = "_ftenergy_row_index";
    private static final String BLOCK_START = "_ftenergy_block_start";

    private TableRecords() {}

    /** The rows of {@code path} as records of {@code split}, the first {@code cap} of them. */
    static JavaRDD<SourceRow> read(SparkSession spark, SourceFiles files, TaskDefinition task, String path, String split, int cap) {
        Dataset<Row> table = load(spark, files, task, path);
        List<String> roles = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (String role : TaskColumns.ROLES) {
            if (task.columns().has(role)) {
                roles.add(role);
                boolean text = List.of(TaskColumns.ID, TaskColumns.TEXT, TaskColumns.TEXT_PAIR, TaskColumns.QUESTION,
                        TaskColumns.CONTEXT).contains(role);
                Column column = col(quoted(task.columns().get(role)));
                columns.add(text ? column.cast(DataTypes.StringType) : column);
            }
        }
        columns.add(col("_metadata.file_path").as(FILE));
        boolean rowIndexed = task.format() == TaskFormat.PARQUET;
        columns.add(rowIndexed ? col("_metadata.row_index").as(ROW_INDEX) : col("_metadata.file_block_start").as(BLOCK_START));
        boolean corrupt = Arrays.asList(table.columns()).contains(CORRUPT);
        if (corrupt) {
            columns.add(col(CORRUPT));
        }
        Dataset<Row> selected = table.select(columns.toArray(Column[]::new));
        if (cap < Integer.MAX_VALUE) {
            selected = selected.limit(cap);
        }
        RowConverter converter = new RowConverter(task, split, roles, rowIndexed, corrupt);
        return selected.javaRDD().mapPartitions(converter::convert);
    }

    private static Dataset<Row> load(SparkSession spark, SourceFiles files, TaskDefinition task, String path) {
        DataFrameReader reader = spark.read();
        return switch (task.format()) {
            case CSV -> reader.schema(csvSchema(files, path)).option("header", true).option("multiLine", true)
                    .option("escape", "\"").option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
                    .csv(matches(files, path));
            case JSON -> reader.option("multiLine", true).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
                    .json(matches(files, path));
            case PARQUET -> reader.parquet(matches(files, path));
            case DELTA -> reader.format("delta").load(path);
            default -> throw new IllegalArgumentException("format " + task.format().configName() + " is not a table");
        };
    }

    /** What a glob names, as Spark would expand it (handed over expanded: Spark warns about globs it probes for a sink's log). */
    private static String[] matches(SourceFiles files, String path) {
        try {
            return files.matches(path).stream().map(status -> status.getPath().toString()).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Every header column as text (what CSV holds), plus the column malformed rows land in. */
    private static StructType csvSchema(SourceFiles files, String path) {
        try {
            StructType schema = new StructType();
            for (String name : files.csvHeader(files.firstFile(path, ".csv"))) {
                schema = schema.add(name, DataTypes.StringType, true);
            }
            return schema.add(CORRUPT, DataTypes.StringType, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + path, e);
        }
    }

    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /** Turns a partition's rows into records, numbering them per file (shipped to the executors). */
    private record RowConverter(TaskDefinition task, String split, List<String> roles, boolean rowIndexed, boolean corrupt)
            implements Serializable {

        Iterator<SourceRow> convert(Iterator<Row> rows) {
            List<SourceRow> out = new ArrayList<>();
            String currentFile = null;
            long currentBlock = -1;
            long counter = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                String file = row.getString(roles.size());
                long position = row.getLong(roles.size() + 1);
                long number;
                if (rowIndexed) {
                    number = position + 1;
                } else {
                    if (!file.equals(currentFile) || position != currentBlock) {
                        currentFile = file;
                        currentBlock = position;
                        counter = 0;
                    }
                    number = ++counter;
                }
                String location = shown(file) + ", row " + number + (!rowIndexed && position > 0 ? " of the part from byte " + position : "");
                out.add(convert(row, location, file, number));
            }
            return out.iterator();
        }

        private SourceRow convert(Row row, String location, String file, long number) {
            if (corrupt && !row.isNullAt(roles.size() + 2)) {
                String text = row.getString(roles.size() + 2);
                return SourceRow.malformed(split, new ReadIssue(location, 0, "malformed row: "
                        + (text.length() > 80 ? text.substring(0, 80) + "..." : text)));
            }
            try {
                String id = roles.contains(TaskColumns.ID) ? text(row, TaskColumns.ID) : fileName(file) + ":" + number;
                if (id == null) {
                    throw new IllegalArgumentException("no " + task.columns().get(TaskColumns.ID));
                }
                return SourceRow.of(split, record(row, id), location);
            } catch (IllegalArgumentException | ClassCastException e) {
                return SourceRow.malformed(split, new ReadIssue(location, 0, e.getMessage()));
            }
        }

        private TaskRecord record(Row row, String id) {
            TaskKind kind = task.kind();
            return switch (kind) {
                case SINGLE_CLASSIFICATION, PAIR_CLASSIFICATION -> new TextRecord(id, requiredText(row, TaskColumns.TEXT),
                        kind == TaskKind.PAIR_CLASSIFICATION ? requiredText(row, TaskColumns.TEXT_PAIR) : null,
                        label(row.get(index(TaskColumns.LABEL)), TaskColumns.LABEL));
                case MASKED_LM -> new TextRecord(id, requiredText(row, TaskColumns.TEXT), null, null);
                case TOKEN_CLASSIFICATION -> tagged(row, id);
                case SPAN_QA -> qa(row, id);
            };
        }

        private TaggedRecord tagged(Row row, String id) {
            List<Object> words = list(row, TaskColumns.TOKENS);
            List<Object> tags = list(row, TaskColumns.TAGS);
            if (words.isEmpty() || words.size() != tags.size()) {
                throw new IllegalArgumentException(words.size() + " tokens but " + tags.size() + " tags");
            }
            List<String> tagNames = new ArrayList<>(tags.size());
            for (Object tag : tags) {
                tagNames.add(label(tag, TaskColumns.TAGS));
            }
            return new TaggedRecord(id, words.stream().map(String::valueOf).toList(), tagNames);
        }

        private QaRecord qa(Row row, String id) {
            Row answers = row.getStruct(index(TaskColumns.ANSWERS));
            if (answers == null) {
                throw new IllegalArgumentException("no " + task.columns().get(TaskColumns.ANSWERS));
            }
            List<Object> texts = answers.getList(answers.fieldIndex("text"));
            List<Object> starts = answers.getList(answers.fieldIndex("answer_start"));
            if (texts.size() != starts.size()) {
                throw new IllegalArgumentException(texts.size() + " answer texts but " + starts.size() + " answer_start values");
            }
            List<QaRecord.Answer> list = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                list.add(new QaRecord.Answer(String.valueOf(texts.get(i)), ((Number) starts.get(i)).intValue()));
            }
            if (list.isEmpty() && !task.unanswerable()) {
                throw new IllegalArgumentException("question " + id + " has no answers, and the task is not unanswerable = true");
            }
            return new QaRecord(id, requiredText(row, TaskColumns.QUESTION), requiredText(row, TaskColumns.CONTEXT), list);
        }

        /** A label or tag: a name, or a class index into the task's labels (-1: none, as HuggingFace writes test splits). */
        private String label(Object value, String role) {
            String column = task.columns().get(role);
            if (value == null) {
                throw new IllegalArgumentException("no " + column);
            }
            if (value instanceof Number number) {
                long index = number.longValue();
                if (index == -1) {
                    throw new IllegalArgumentException(column + " is -1 (unlabelled)");
                }
                if (task.labels().isEmpty()) {
                    return Long.toString(index);
                }
                if (index < 0 || index >= task.labels().size()) {
                    throw new IllegalArgumentException(column + " index " + index + " is outside 0.." + (task.labels().size() - 1)
                            + " (labels " + task.labels() + ")");
                }
                return task.labels().get((int) index);
            }
            String name = String.valueOf(value);
            if (!task.labels().isEmpty() && !task.labels().contains(name)) {
                throw new IllegalArgumentException(column + " '" + name + "' is not one of " + task.labels());
            }
            return name;
        }

        private String requiredText(Row row, String role) {
            String value = text(row, role);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("empty " + task.columns().get(role));
            }
            return value;
        }

        private String text(Row row, String role) {
            return row.isNullAt(index(role)) ? null : row.getString(index(role));
        }

        private List<Object> list(Row row, String role) {
            if (row.isNullAt(index(role))) {
                throw new IllegalArgumentException("no " + task.columns().get(role));
            }
            return row.getList(index(role));
        }

        private int index(String role) {
            return roles.indexOf(role);
        }

        /** A local file as a path (Spark gives {@code file:} URIs), any other as its URI. */
        private static String shown(String file) {
            return file.startsWith("file:") ? java.net.URI.create(file).getPath() : file;
        }

        private static String fileName(String file) {
            return file.substring(file.lastIndexOf('/') + 1);
        }
    }
}
