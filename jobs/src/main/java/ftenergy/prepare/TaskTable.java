package ftenergy.prepare;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;

/** The paper's Table 1 for the prepared tasks: examples, token lengths and totals per task and split. */
final class TaskTable {

    private TaskTable() {}

    static void print(Lakehouse lake, List<String> tasks, PrintStream out) {
        List<Row> rows = lake.read(LakeTables.EXAMPLES)
                .where(col("task").isin(tasks.toArray()))
                .groupBy("task", "split", "stands_in_for")
                .agg(count(lit(1)).as("examples"), avg("length").as("mean"),
                        percentile_approx(col("length"), lit(0.5), lit(10000)).as("median"),
                        percentile_approx(col("length"), lit(0.95), lit(10000)).as("p95"),
                        sum("length").as("tokens"))
                .orderBy("task", "split")
                .collectAsList();
        out.printf("%-22s %-10s %-22s %9s %7s %7s %7s %11s%n", "task", "split", "stands in for", "examples", "mean", "median", "p95", "tokens");
        for (Row r : rows) {
            out.printf("%-22s %-10s %-22s %9d %7.1f %7d %7d %11d%n", r.getString(0), r.getString(1),
                    r.isNullAt(2) ? "-" : r.getString(2), r.getLong(3), r.getDouble(4), r.getInt(5), r.getInt(6), r.getLong(7));
        }
    }
}
