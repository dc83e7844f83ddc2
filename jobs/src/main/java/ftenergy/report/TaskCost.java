package ftenergy.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;

import ftenergy.carbon.CarMiles;
import ftenergy.run.RunKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one training run of a kind, hardware, model and task costs on average, the paper's Table 2:
 * energy, emissions, time and the miles an average car drives emitting as much.
 *
 * @param kind pretrain, distill or finetune
 * @param hardware runs.hardware
 * @param model runs.model
 * @param task runs.task
 * @param runs analysable runs averaged
 * @param kwhMean mean runs.energy_kwh
 * @param kwhStandardDeviation its sample standard deviation across runs (0 for one run)
 * @param co2KgMean mean runs.co2_kg (wall energy × PUE × grid intensity)
 * @param secondsMean mean runs.duration_s
 */
public record TaskCost(String kind, String hardware, String model, String task, long runs, double kwhMean,
        double kwhStandardDeviation, double co2KgMean, double secondsMean) {

    /** Miles driven by an average passenger car emitting {@link #co2KgMean} ({@link CarMiles}: 393 g CO2e per mile). */
    public double miles() {
        return CarMiles.fromCo2Kg(co2KgMean);
    }

    /** The training runs of {@code runs} (analysable runs), averaged by kind, hardware, model and task. */
    static List<TaskCost> of(Dataset<Row> runs) {
        List<TaskCost> costs = new ArrayList<>();
        for (Row r : runs.where(col("kind").isin(RunKind.PRETRAIN.label(), RunKind.DISTILL.label(), RunKind.FINETUNE.label())
                        .and(col("energy_kwh").isNotNull()))
                .groupBy("kind", "hardware", "model", "task")
                .agg(count(lit(1)), avg("energy_kwh"), stddev_samp("energy_kwh"), avg("co2_kg"), avg("duration_s"))
                .orderBy("kind", "task", "model", "hardware").collectAsList()) {
            costs.add(new TaskCost(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getDouble(5),
                    r.isNullAt(6) ? 0 : r.getDouble(6), r.isNullAt(7) ? Double.NaN : r.getDouble(7),
                    r.isNullAt(8) ? Double.NaN : r.getDouble(8)));
        }
        return costs;
    }
}
