package ftenergy.prepare;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import ftenergy.data.TaskType;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The paper's Table 1 for a sweep's tasks as the {@code examples} table holds them: examples, token
 * lengths (mean, median, 95th percentile, longest) and totals per task and split, and the
 * tokenizer and task definition each was prepared with. One query answers both what is already
 * prepared and what to print, since a sweep's start-up waits for it.
 */
final class TaskTable {

    private final List<Row> rows;

    private TaskTable(List<Row> rows) {
        this.rows = rows;
    }

    /** Reads the summary of {@code tasks}. */
    static TaskTable read(Lakehouse lake, List<String> tasks) {
        return new TaskTable(lake.read(LakeTables.EXAMPLES)
                .where(col("task").isin(tasks.toArray()))
                .groupBy("task", "split", "stands_in_for", "tokenizer", "task_definition")
                .agg(count(lit(1)).as("examples"), avg("length").as("mean"),
                        percentile_approx(col("length"), lit(0.5), lit(10000)).as("median"),
                        percentile_approx(col("length"), lit(0.95), lit(10000)).as("p95"),
                        max("length").as("max"), sum("length").as("tokens"),
                        max(when(col("task_type").equalTo(TaskType.SPAN_QA.name()).and(col("qa_max_length").isNull()), 1)
                                .otherwise(0)).as("unwindowed"))
                .orderBy("task", "split")
                .collectAsList());
    }

    /**
     * Whether {@code task} has examples tokenized with the tokenizer whose hash is {@code tokenizer},
     * from the definition whose fingerprint is {@code definition}, and no others (span-QA examples
     * prepared before questions were cut into windows do not count).
     */
    boolean prepared(String task, String tokenizer, String definition) {
        List<Row> ofTask = rows.stream().filter(r -> r.getString(0).equals(task)).toList();
        return !ofTask.isEmpty() && ofTask.stream().allMatch(r -> tokenizer.equals(r.getString(3))
                && definition.equals(r.getString(4)) && r.<Integer>getAs("unwindowed") == 0);
    }

    /** The rows: task, split, stands_in_for, tokenizer, task_definition, examples, mean, median, p95, max, tokens, unwindowed. */
    List<Row> rows() {
        return rows;
    }

    void print(PrintStream out) {
        out.printf("%-22s %-10s %-22s %9s %7s %7s %7s %7s %11s%n", "task", "split", "stands in for", "examples", "mean", "median",
                "p95", "max", "tokens");
        for (Row r : rows) {
            out.printf(java.util.Locale.ROOT, "%-22s %-10s %-22s %9d %7.1f %7d %7d %7d %11d%n", r.getString(0), r.getString(1),
                    r.isNullAt(2) ? "-" : r.getString(2), r.getLong(5), r.getDouble(6), r.getInt(7), r.getInt(8), r.getInt(9),
                    r.getLong(10));
        }
    }
}
