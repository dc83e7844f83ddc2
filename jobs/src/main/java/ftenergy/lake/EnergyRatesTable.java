package ftenergy.lake;

import static ftenergy.lake.RunsTable.finite;
import static ftenergy.lake.RunsTable.timestamp;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import ftenergy.stats.EnergyRate;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The {@code energy_rates} table: energy per step, token, example and second, averaged over runs of
 * one hardware, kind, model, task and batch size; each column's value next to its name. The energy
 * is a training run's {@code energy_kwh} and an inference run's batches ({@code energy_kwh -
 * energy_setup_kwh}, model loading left out), so inference J/example here is the one of every
 * other table and output.
 */
public final class EnergyRatesTable {

    private EnergyRatesTable() {}

    public static final TableColumns<Analysed<EnergyRate>> COLUMNS = TableColumns.<Analysed<EnergyRate>>builder()
            .key("hardware", StringType, "runs.hardware", a -> a.result().hardware())
            .keyOneOf("kind", RunsTable.KINDS, "runs.kind", a -> a.result().kind())
            .key("model", StringType, "runs.model", a -> a.result().model())
            .key("task", StringType, "runs.task", a -> a.result().task())
            .add("runs", LongType, "runs averaged", a -> a.result().runs())
            .add("energy_kwh_mean", DoubleType, "mean energy per run (inference: of its batches, model loading left out)", a -> finite(a.result().energyKwhMean()))
            .add("energy_kwh_cv", DoubleType, "coefficient of variation of energy per run across runs",
                    a -> finite(a.result().energyKwhCv()))
            .add("j_per_step_mean", DoubleType, "mean over runs of energy / steps, joules", a -> finite(a.result().joulesPerStepMean()))
            .add("j_per_step_cv", DoubleType, "its coefficient of variation across runs", a -> finite(a.result().joulesPerStepCv()))
            .add("j_per_token_padded_mean", DoubleType, "mean of energy / tokens_padded, joules",
                    a -> finite(a.result().joulesPerPaddedTokenMean()))
            .add("j_per_token_padded_cv", DoubleType, "its coefficient of variation", a -> finite(a.result().joulesPerPaddedTokenCv()))
            .add("j_per_token_real_mean", DoubleType, "mean of energy / tokens_real, joules",
                    a -> finite(a.result().joulesPerRealTokenMean()))
            .add("j_per_example_mean", DoubleType, "mean of energy / examples, joules (inference: the batches' energy over"
                    + " every example predicted, repeated passes included)", a -> finite(a.result().joulesPerExampleMean()))
            .add("j_per_example_cv", DoubleType, "its coefficient of variation", a -> finite(a.result().joulesPerExampleCv()))
            .add("watts_mean", DoubleType, "mean of energy / duration, watts", a -> finite(a.result().wattsMean()))
            .add("sweep_ids", createArrayType(StringType), "sweeps whose runs were used", a -> a.result().sweepIds().toArray(String[]::new))
            .add("computed_at", TimestampType, "when the rates were computed", a -> timestamp(a.computedAt()))
            .key("sweep_id", StringType, "the sweeps analysed together: a sweep id, ids joined with +, or * for every"
                    + " sweep of the lakehouse", Analysed::sweepScope)
            .key("batch_size", IntegerType, "runs.batch_size: examples per step (inference: per forward pass); batch sizes are"
                    + " never pooled", a -> a.result().batchSize())
            .build();

    public static final LakeTable TABLE = new LakeTable("energy_rates", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per hardware, kind, model, task and batch size").withChecks(COLUMNS);

    /** A rate back from its row; a null ratio reads as NaN, a row written before batch_size as batch size 0. */
    public static EnergyRate rate(Row r) {
        return new EnergyRate(r.getAs("hardware"), r.getAs("kind"), r.getAs("model"), r.getAs("task"),
                r.isNullAt(r.fieldIndex("batch_size")) ? 0 : r.<Integer>getAs("batch_size"), r.<Long>getAs("runs"),
                number(r, "energy_kwh_mean"), number(r, "energy_kwh_cv"), number(r, "j_per_step_mean"), number(r, "j_per_step_cv"),
                number(r, "j_per_token_padded_mean"), number(r, "j_per_token_padded_cv"), number(r, "j_per_token_real_mean"),
                number(r, "j_per_example_mean"), number(r, "j_per_example_cv"), number(r, "watts_mean"),
                r.<String>getList(r.fieldIndex("sweep_ids")));
    }

    static double number(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column)) ? Double.NaN : r.<Double>getAs(column);
    }
}
