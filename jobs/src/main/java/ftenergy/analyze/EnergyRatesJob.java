package ftenergy.analyze;

import ftenergy.stats.EnergyRate;

import ftenergy.lake.Analysed;
import ftenergy.lake.AnalysisTables;
import ftenergy.lake.EnergyRatesTable;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import ftenergy.meter.EnergyUnit;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ftenergy analyze}, part 2: joules per step, per token, per example, and mean power, by
 * hardware, kind, model, task and batch size (never pooled), written to {@code energy_rates}. The
 * energy divided is a training run's whole window and an inference run's batches
 * ({@link InferenceEnergy}). Runs with no energy or no work of a kind are left out of that ratio only.
 */
public final class EnergyRatesJob {

    private static final String[] KEY = {"hardware", "kind", "model", "task", "batch_size"};

    private EnergyRatesJob() {}

    /** Computes the rates of the lakehouse's analysable runs and replaces their rows in {@code energy_rates}. */
    public static List<EnergyRate> run(SparkSession spark, String lakehouse, List<String> sweepIds) {
        List<EnergyRate> rates = compute(AnalysisRuns.load(spark, lakehouse, sweepIds));
        Lakehouse lake = new Lakehouse(spark, lakehouse);
        lake.create(AnalysisTables.ENERGY_RATES);
        Instant now = Instant.now();
        String scope = Analysed.scopeOf(sweepIds);
        List<Row> rows = new ArrayList<>();
        for (EnergyRate r : rates) {
            rows.add(EnergyRatesTable.COLUMNS.row(new Analysed<>(scope, r, now)));
        }
        new LakeWriter(lake).upsert(AnalysisTables.ENERGY_RATES, spark.createDataFrame(rows, AnalysisTables.ENERGY_RATES.schema()));
        return rates;
    }

    /** The rates of {@code runs} (already filtered to analysable runs), ordered by key; writes nothing. */
    public static List<EnergyRate> compute(Dataset<Row> runs) {
        Column joules = col("rate_kwh").multiply(EnergyUnit.JOULES_PER_KWH);
        Dataset<Row> ratios = runs.withColumn("rate_kwh", InferenceEnergy.rateKwh()).where(col("rate_kwh").gt(0))
                .withColumn("j_step", joules.divide(positive("steps")))
                .withColumn("j_padded", joules.divide(positive("tokens_padded")))
                .withColumn("j_real", joules.divide(positive("tokens_real")))
                .withColumn("j_example", joules.divide(positive("examples")))
                .withColumn("watts", joules.divide(positive("duration_s")));
        List<Row> rows = ratios.groupBy(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4]).agg(
                        count(lit(1)),
                        avg("rate_kwh"), cv("rate_kwh"),
                        avg("j_step"), cv("j_step"),
                        avg("j_padded"), cv("j_padded"),
                        avg("j_real"),
                        avg("j_example"), cv("j_example"),
                        avg("watts"),
                        array_sort(collect_set("sweep_id")))
                .orderBy(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4]).collectAsList();
        List<EnergyRate> rates = new ArrayList<>();
        for (Row r : rows) {
            rates.add(new EnergyRate(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                    r.isNullAt(4) ? 0 : r.getInt(4), r.getLong(5),
                    value(r, 6), value(r, 7), value(r, 8), value(r, 9), value(r, 10), value(r, 11), value(r, 12), value(r, 13),
                    value(r, 14), value(r, 15), r.<String>getList(16)));
        }
        return rates;
    }

    /** The column where positive, else null, so a run without that work drops out of the ratio. */
    private static Column positive(String column) {
        return when(col(column).gt(0), col(column));
    }

    private static Column cv(String column) {
        return stddev_samp(column).divide(avg(column));
    }

    private static double value(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }
}
