package ftenergy.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import ftenergy.run.RunKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Single against multi-GPU training, measured: how many analysable training runs used more than one
 * device, and the comparisons of runs that differ only in how many GPUs they asked for
 * ({@link Counterparts}).
 *
 * @param multiDeviceRuns training runs on more than one device
 * @param comparisons multi-device runs against their single-device counterparts
 */
public record DeviceScaling(long multiDeviceRuns, List<Comparison> comparisons) {

    public DeviceScaling {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * Runs of one kind, hardware, model and task on {@code devices} devices against the same runs on one.
     *
     * @param kind runs.kind
     * @param hardware runs.hardware
     * @param model runs.model
     * @param task runs.task
     * @param devices devices of the multi-device side
     * @param pairs run definitions measured both ways
     * @param singleKwh mean energy on one device
     * @param multiKwh mean energy on {@code devices}
     * @param singleSeconds mean duration on one device
     * @param multiSeconds mean duration on {@code devices}
     */
    public record Comparison(String kind, String hardware, String model, String task, int devices, long pairs, double singleKwh,
            double multiKwh, double singleSeconds, double multiSeconds) {}

    /** The scaling {@code runs} (analysable runs) show. */
    static DeviceScaling of(Dataset<Row> runs) {
        Dataset<Row> training = runs.where(col("kind").isin(RunKind.PRETRAIN.label(), RunKind.DISTILL.label(), RunKind.FINETUNE.label())
                .and(col("energy_kwh").gt(0)).and(col("device_count").isNotNull()));
        long multi = training.where(col("device_count").gt(1)).count();
        if (multi == 0) {
            return new DeviceScaling(0, List.of());
        }
        List<String> key = Counterparts.namesWithout("gpus");
        // The single-device side's columns renamed, so the join's two sides never share a column.
        List<String> renamed = new ArrayList<>();
        key.forEach(name -> renamed.add("single_" + name));
        renamed.addAll(List.of("single_kwh", "single_s"));
        Dataset<Row> single = training.where(col("device_count").equalTo(1)).groupBy(Counterparts.keyWithout("gpus"))
                .agg(avg("energy_kwh"), avg("duration_s")).toDF(renamed.toArray(String[]::new));
        List<Column> severalKey = new ArrayList<>(List.of(Counterparts.keyWithout("gpus")));
        severalKey.add(col("device_count"));
        Dataset<Row> several = training.where(col("device_count").gt(1)).groupBy(severalKey.toArray(Column[]::new))
                .agg(avg("energy_kwh").as("multi_kwh"), avg("duration_s").as("multi_s"));
        Column same = lit(true);
        for (String name : key) {
            same = same.and(col(name).eqNullSafe(col("single_" + name)));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Row r : several.join(single, same)
                .groupBy("kind", "hardware", "model", "task", "device_count")
                .agg(count(lit(1)), avg("single_kwh"), avg("multi_kwh"), avg("single_s"), avg("multi_s"))
                .orderBy("kind", "hardware", "model", "task", "device_count").collectAsList()) {
            comparisons.add(new Comparison(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getLong(5),
                    r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9)));
        }
        return new DeviceScaling(multi, comparisons);
    }
}
