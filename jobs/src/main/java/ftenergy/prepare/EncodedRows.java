package ftenergy.prepare;

import ftenergy.data.Example;
import ftenergy.data.ExampleEncoder;
import ftenergy.data.ReadIssue;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.data.TextRecord;
import ftenergy.lake.ExampleRows;
import ftenergy.lake.LakeTables;
import ftenergy.text.TextTokenizer;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Tokenizes a task's records into rows of the {@code examples} table on the executors
 * ({@link ExampleRows} lays them out), the tokenizer loaded once per partition and rows produced as
 * they are read (a partition is never held whole; a SQuAD question gives one row per window). A
 * record that cannot be an example (malformed in the source, or a label the task does not know)
 * becomes a row with only its {@link #ISSUE} set, so that the error budget can be applied before
 * anything is written.
 */
final class EncodedRows {

    /** Column of the issue rows: what is wrong and where; null on examples. */
    static final String ISSUE = "issue";

    /** The examples table's columns, every one nullable (an issue row has no example), and the issue column. */
    static final StructType SCHEMA = nullable(LakeTables.EXAMPLES.schema()).add(ISSUE, DataTypes.StringType, true);

    private EncodedRows() {}

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
                private Iterator<Row> current = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && source.hasNext()) {
                        current = rows(encoder, source.next()).iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        /** A record's rows (one per example, a window each for span QA), or its issue row. */
        private List<Row> rows(ExampleEncoder encoder, SourceRow source) {
            if (!source.isRecord()) {
                return List.of(issue(source.split(), source.issue()));
            }
            if (info.type() == TaskType.SEQUENCE_CLASSIFICATION && source.record() instanceof TextRecord text && text.label() == null) {
                // Unlabelled (a test split): nothing to train on or score against.
                return List.of(issue(source.split(), new ReadIssue(source.location(), 0, "record " + text.id() + " has no label")));
            }
            List<Example> examples;
            try {
                examples = encoder.encode(source.split(), source.record());
            } catch (RuntimeException problem) {
                return List.of(issue(source.split(), new ReadIssue(source.location(), 0, "record " + source.record().id() + ": "
                        + problem.getMessage())));
            }
            List<Row> rows = new ArrayList<>(examples.size());
            for (Example e : examples) {
                Row example = ExampleRows.row(e, info, tokenizerHash, taskDefinition);
                Object[] values = new Object[SCHEMA.size()];
                for (int i = 0; i < example.size(); i++) {
                    values[i] = example.get(i);
                }
                rows.add(RowFactory.create(values));
            }
            return rows;
        }

        private Row issue(String split, ReadIssue issue) {
            Object[] values = new Object[SCHEMA.size()];
            values[SCHEMA.fieldIndex("task")] = info.name();
            values[SCHEMA.fieldIndex("split")] = split;
            values[SCHEMA.fieldIndex(ISSUE)] = issue.toString();
            return RowFactory.create(values);
        }
    }

    private static StructType nullable(StructType schema) {
        StructType out = new StructType();
        for (StructField field : schema.fields()) {
            out = out.add(field.copy(field.name(), field.dataType(), true, field.metadata()));
        }
        return out;
    }
}
