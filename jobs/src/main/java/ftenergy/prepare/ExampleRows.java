package ftenergy.prepare;

import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.ReadIssue;
import ftenergy.data.TaskInfo;
import ftenergy.lake.LakeTables;
import ftenergy.text.TextTokenizer;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Tokenizes a task's records into rows of the {@code examples} table on the executors, the
 * tokenizer loaded once per partition and rows produced as they are read (a partition is never
 * held whole). A row that cannot be an example (malformed in the source, or a label the task does
 * not know) becomes a row with only its {@link #ISSUE} set, so that the error budget can be
 * applied before anything is written.
 */
final class ExampleRows {

    /** Column of the issue rows: what is wrong and where; null on examples. */
    static final String ISSUE = "issue";

    /** The examples table's columns and the issue column. */
    static final StructType SCHEMA = LakeTables.EXAMPLES.schema().add(ISSUE, DataTypes.StringType, true);

    private ExampleRows() {}

    /**
     * The rows, spread over at least twice the cluster's parallelism when the source came in fewer
     * partitions (a file read by one task).
     */
    static Dataset<Row> encode(SparkSession spark, JavaRDD<SourceRow> rows, Encoding encoding) {
        int parallelism = spark.sparkContext().defaultParallelism();
        JavaRDD<SourceRow> spread = rows.getNumPartitions() < parallelism ? rows.repartition(parallelism * 2) : rows;
        return spark.createDataFrame(spread.mapPartitions(encoding::rows), SCHEMA);
    }

    /**
     * What every partition needs to tokenize (shipped to the executors).
     *
     * @param info the task, with the label names that give class indices
     * @param tokenizerPath the tokenizer.json, on a path every executor reads
     * @param maxSeqLen truncation length
     * @param tokenizerHash hash of the tokenizer, stored with each example
     * @param taskDefinition fingerprint of the task's definition, stored with each example
     */
    record Encoding(TaskInfo info, String tokenizerPath, int maxSeqLen, String tokenizerHash, String taskDefinition)
            implements Serializable {

        Iterator<Row> rows(Iterator<SourceRow> source) {
            TextTokenizer tokenizer = TextTokenizer.load(Path.of(tokenizerPath), maxSeqLen);
            TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> tokenizer.close());
            ExampleEncoder encoder = new ExampleEncoder(tokenizer, info);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public Row next() {
                    return row(encoder, source.next());
                }
            };
        }

        private Row row(ExampleEncoder encoder, SourceRow source) {
            if (!source.isRecord()) {
                return issue(source.split(), source.issue());
            }
            Example e;
            try {
                e = encoder.encode(source.split(), source.record());
            } catch (RuntimeException problem) {
                return issue(source.split(), new ReadIssue(source.location(), 0, "record " + source.record().id() + ": "
                        + problem.getMessage()));
            }
            Object[] values = new Object[SCHEMA.size()];
            set(values, "task", e.task());
            set(values, "split", e.split());
            set(values, "example_id", e.exampleId());
            set(values, "input_ids", e.inputIds());
            set(values, "type_ids", e.typeIds());
            set(values, "label", e.label());
            set(values, "token_labels", e.tokenLabels());
            set(values, "span_start", e.spanStart());
            set(values, "span_end", e.spanEnd());
            set(values, "length", e.length());
            set(values, "tokenizer", tokenizerHash);
            set(values, "task_type", info.type().name());
            set(values, "label_names", info.labelNames().toArray(String[]::new));
            set(values, "stands_in_for", info.standsInFor());
            set(values, "task_definition", taskDefinition);
            return RowFactory.create(values);
        }

        private Row issue(String split, ReadIssue issue) {
            Object[] values = new Object[SCHEMA.size()];
            set(values, "task", info.name());
            set(values, "split", split);
            set(values, ISSUE, issue.toString());
            return RowFactory.create(values);
        }

        private static void set(Object[] values, String column, Object value) {
            values[SCHEMA.fieldIndex(column)] = value;
        }
    }
}
