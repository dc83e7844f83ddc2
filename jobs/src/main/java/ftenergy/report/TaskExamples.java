package ftenergy.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * One task of the {@code examples} table as the paper's Table 1 shows it: how many examples, and how
 * long they are in tokens (real tokens as prepared, over the training split).
 *
 * @param task examples.task
 * @param taskType examples.task_type
 * @param standsInFor the paper's task this one stands in for, or {@code null} for a real one
 * @param trainExamples rows of the train split
 * @param validationExamples rows of the validation split
 * @param meanTokens mean examples.length over the train split; NaN without one
 * @param maxTokens longest example of the train split; 0 without one
 */
public record TaskExamples(String task, String taskType, String standsInFor, long trainExamples, long validationExamples,
        double meanTokens, int maxTokens) {

    /** The tasks of the lakehouse's {@code examples}, by name; empty when the table does not exist. */
    static List<TaskExamples> load(Lakehouse lake) {
        if (!lake.exists(LakeTables.EXAMPLES)) {
            return List.of();
        }
        Column train = col("split").equalTo("train");
        List<TaskExamples> tasks = new ArrayList<>();
        for (Row r : lake.read(LakeTables.EXAMPLES).groupBy("task")
                .agg(first("task_type", true), first("stands_in_for", true), count(when(train, 1)),
                        count(when(col("split").equalTo("validation"), 1)), avg(when(train, col("length"))),
                        max(when(train, col("length"))))
                .orderBy("task").collectAsList()) {
            tasks.add(new TaskExamples(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                    r.isNullAt(5) ? Double.NaN : r.getDouble(5), r.isNullAt(6) ? 0 : r.getInt(6)));
        }
        return tasks;
    }
}
