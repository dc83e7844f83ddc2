package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;

import ftenergy.data.Example;
import ftenergy.attempt.TaskData;
import ftenergy.attempt.Truncation;
import ftenergy.lake.ExampleRows;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.prepare.PreparedData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Examples reach executors as one broadcast per (task, length, caps): read from the Delta
 * {@code examples} table on the driver once, shipped once per executor, reused by every run that
 * needs them. The tasks are small (thousands of examples); a path every executor reads would
 * serve larger ones without changing the runs.
 */
final class TaskDataCache {

    private final Lakehouse lake;
    private final JavaSparkContext spark;
    private final PreparedData prepared;
    private final Map<String, Broadcast<TaskData>> cache = new HashMap<>();

    TaskDataCache(Lakehouse lake, JavaSparkContext spark, PreparedData prepared) {
        this.lake = lake;
        this.spark = spark;
        this.prepared = prepared;
    }

    /**
     * @param task task name
     * @param maxSeqLen the run's max_seq_len
     * @param maxTrain cap on training examples (0 = all)
     * @param maxEval cap on evaluation examples (0 = all)
     */
    synchronized Broadcast<TaskData> get(String task, int maxSeqLen, int maxTrain, int maxEval) {
        String key = task + "|" + maxSeqLen + "|" + maxTrain + "|" + maxEval;
        return cache.computeIfAbsent(key, k -> spark.broadcast(load(task, maxSeqLen, maxTrain, maxEval)));
    }

    private TaskData load(String task, int maxSeqLen, int maxTrain, int maxEval) {
        List<Row> rows = lake.read(LakeTables.EXAMPLES)
                .where(col("task").equalTo(task).and(col("tokenizer").equalTo(prepared.tokenizerHash())))
                .orderBy("split", "example_id")
                .collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no examples of task '" + task + "' with tokenizer " + prepared.tokenizerHash()
                    + " in " + lake.path(LakeTables.EXAMPLES) + "; run `ftenergy prepare` with the same config");
        }
        Truncation truncation = new Truncation(maxSeqLen, prepared.sepId());
        List<Example> train = new ArrayList<>();
        List<Example> eval = new ArrayList<>();
        for (Row row : rows) {
            Example example = truncation.apply(ExampleRows.example(row));
            List<Example> split = example.split().equals("train") ? train : eval;
            int cap = split == train ? maxTrain : maxEval;
            if (cap == 0 || split.size() < cap) {
                split.add(example);
            }
        }
        return new TaskData(ExampleRows.task(rows.get(0)), train, eval);
    }
}
