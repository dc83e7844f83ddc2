package ftenergy.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import ftenergy.run.RunKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What length-grouped batching saves, measured: fine-tuning runs that differ only in
 * {@code length_grouped} ({@link Counterparts}), their energy and padded tokens with and without it,
 * averaged over such pairs per hardware, model and task.
 *
 * @param hardware runs.hardware
 * @param model runs.model
 * @param task runs.task
 * @param pairs run definitions measured both ways
 * @param kwhRandom mean energy of the runs batched in random order (length_grouped false)
 * @param kwhGrouped mean energy of their counterparts batched by length
 * @param paddedTokensRandom mean tokens_padded in random order
 * @param paddedTokensGrouped mean tokens_padded grouped by length
 */
public record PaddingComparison(String hardware, String model, String task, long pairs, double kwhRandom, double kwhGrouped,
        double paddedTokensRandom, double paddedTokensGrouped) {

    /** Energy saved by grouping, percent of the random order's. */
    public double savingPercent() {
        return 100.0 * (kwhRandom - kwhGrouped) / kwhRandom;
    }

    /** Padded tokens saved by grouping, percent of the random order's. */
    public double tokenSavingPercent() {
        return 100.0 * (paddedTokensRandom - paddedTokensGrouped) / paddedTokensRandom;
    }

    /** The comparisons {@code runs} (analysable runs) allow, by hardware, model and task. */
    static List<PaddingComparison> of(Dataset<Row> runs) {
        Column grouped = col("length_grouped");
        Dataset<Row> pairs = runs.where(col("kind").equalTo(RunKind.FINETUNE.label()).and(grouped.isNotNull())
                        .and(col("energy_kwh").gt(0)))
                .groupBy(Counterparts.keyWithout("length_grouped"))
                .agg(avg(when(not(grouped), col("energy_kwh"))).as("kwh_random"), avg(when(grouped, col("energy_kwh"))).as("kwh_grouped"),
                        avg(when(not(grouped), col("tokens_padded"))).as("tokens_random"),
                        avg(when(grouped, col("tokens_padded"))).as("tokens_grouped"))
                .where(col("kwh_random").isNotNull().and(col("kwh_grouped").isNotNull()));
        List<PaddingComparison> out = new ArrayList<>();
        for (Row r : pairs.groupBy("hardware", "model", "task")
                .agg(count("kwh_random"), avg("kwh_random"), avg("kwh_grouped"), avg("tokens_random"), avg("tokens_grouped"))
                .orderBy("hardware", "model", "task").collectAsList()) {
            out.add(new PaddingComparison(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4), r.getDouble(5),
                    r.getDouble(6), r.getDouble(7)));
        }
        return out;
    }
}
