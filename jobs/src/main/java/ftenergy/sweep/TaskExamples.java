package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;

import ftenergy.attempt.TaskData;
import ftenergy.attempt.TaskDataSource;
import ftenergy.attempt.Truncation;
import ftenergy.data.Splits;
import ftenergy.data.TaskDataException;
import ftenergy.lake.ExampleRows;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.prepare.PreparedData;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Where a sweep's runs get their examples: the {@code examples} table at the version its prepare
 * left (pinned when the sweep starts, so every run of a task reads the same examples even while
 * another prepare rewrites the table). A training run reads its task on its executor
 * ({@link PreparedExamples}); an inference run, which predicts a few hundred evaluation examples
 * from a frame the driver builds, gets just those.
 */
final class TaskExamples {

    private final Lakehouse lake;
    private final PreparedData prepared;
    private final long version;
    private final SerializableConfiguration hadoop;

    private TaskExamples(Lakehouse lake, PreparedData prepared, long version, SerializableConfiguration hadoop) {
        this.lake = lake;
        this.prepared = prepared;
        this.version = version;
        this.hadoop = hadoop;
    }

    /** The examples as the table holds them now. */
    static TaskExamples pinned(Lakehouse lake, PreparedData prepared) {
        SerializableConfiguration hadoop = new SerializableConfiguration(lake.spark().sparkContext().hadoopConfiguration());
        Engine engine = DefaultEngine.create(hadoop.value());
        long version = Table.forPath(engine, lake.path(LakeTables.EXAMPLES)).getLatestSnapshot(engine).getVersion();
        return new TaskExamples(lake, prepared, version, hadoop);
    }

    /**
     * A training run's examples, read on its executor.
     *
     * @param maxSeqLen the run's max_seq_len
     * @param maxTrain cap on training examples (0 = all)
     * @param maxEval cap on evaluation examples (0 = all)
     */
    TaskDataSource forRun(String task, int maxSeqLen, int maxTrain, int maxEval) {
        return new PreparedExamples(lake.path(LakeTables.EXAMPLES), version, task, prepared.tokenizerHash(),
                new Truncation(maxSeqLen, prepared.sepId()), maxTrain, maxEval, hadoop);
    }

    /** The first {@code maxEval} evaluation examples of {@code task} in example-id order, cut to {@code maxSeqLen}, on the driver. */
    TaskData evaluation(String task, int maxSeqLen, int maxEval) {
        List<Row> rows = lake.readVersion(LakeTables.EXAMPLES, version)
                .where(col("task").equalTo(task).and(col("tokenizer").equalTo(prepared.tokenizerHash()))
                        .and(col("split").notEqual(Splits.TRAIN)))
                .orderBy("example_id")
                .limit(maxEval)
                .collectAsList();
        if (rows.isEmpty()) {
            throw new TaskDataException(lake.path(LakeTables.EXAMPLES), 0, "no evaluation examples of task '" + task
                    + "' with tokenizer " + prepared.tokenizerHash() + " at version " + version + "; run `ftenergy prepare`"
                    + " with the same config");
        }
        Truncation truncation = new Truncation(maxSeqLen, prepared.sepId());
        return new TaskData(ExampleRows.task(rows.get(0)), List.of(),
                rows.stream().map(row -> truncation.apply(ExampleRows.example(row))).toList());
    }
}
