package ftenergy.lake;

import static ftenergy.lake.RunsTable.finite;
import static ftenergy.lake.RunsTable.timestamp;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import ftenergy.stats.Coefficient;
import ftenergy.stats.RegressionFit;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** The {@code regressions} table: one row per OLS fit of a run's energy on a predictor set, each column's value next to its name. */
public final class RegressionsTable {

    private RegressionsTable() {}

    /** The energy columns of {@code runs} a fit may explain. */
    static final List<String> RESPONSES = List.of("energy_kwh", "energy_steps_kwh");

    /** Element type of {@code regressions.coefficients}. */
    public static final TableColumns<Coefficient> COEFFICIENT = TableColumns.<Coefficient>builder()
            .add("name", StringType, "predictor column, or intercept", Coefficient::name)
            .add("estimate", DoubleType, "kWh of the response per unit of the predictor (kWh for the intercept)",
                    Coefficient::estimate)
            .add("std_error", DoubleType, "standard error of the estimate", Coefficient::standardError)
            .add("t_value", DoubleType, "estimate / std_error", Coefficient::tValue)
            .add("p_value", DoubleType, "two-sided p-value against 0", Coefficient::pValue)
            .build();

    private static final StructType COEFFICIENT_TYPE = COEFFICIENT.schema();

    public static final TableColumns<Analysed<RegressionFit>> COLUMNS = TableColumns.<Analysed<RegressionFit>>builder()
            .key("predictor_set", StringType, "tokens_padded | tokens_real | duration_s | steps | examples"
                    + " | tokens_padded+duration_s+steps", a -> a.result().predictorSet())
            .key("hardware", StringType, "runs.hardware of the group", a -> a.result().hardware())
            .keyOneOf("kind", RunsTable.KINDS, "runs.kind of the group", a -> a.result().kind())
            .key("model", StringType, "runs.model of the group", a -> a.result().model())
            .key("with_intercept", BooleanType, "whether an intercept was fitted", a -> a.result().withIntercept())
            .keyOneOf("response", RESPONSES, "the fitted runs column: energy_kwh (the whole run, everything the meter saw: the"
                    + " paper's view) or energy_steps_kwh (the training loop alone; inference: the batches)",
                    a -> a.result().response())
            .add("predictors", createArrayType(StringType), "predictor columns in coefficient order",
                    a -> a.result().predictors().toArray(String[]::new))
            .add("coefficients", createArrayType(COEFFICIENT_TYPE), "one per predictor, then the intercept",
                    a -> a.result().coefficients().stream().map(COEFFICIENT::row).toArray(Row[]::new))
            .add("r2", DoubleType, "R squared (uncentred when without intercept)", a -> a.result().r2())
            .add("rows", LongType, "runs fitted", a -> a.result().rows())
            .add("residual_std_error_kwh", DoubleType, "sqrt(SSE / residual degrees of freedom)",
                    a -> a.result().residualStandardErrorKwh())
            .add("predictor_means", createArrayType(DoubleType), "mean of each predictor over the runs",
                    a -> a.result().predictorMeans().toArray(Double[]::new))
            .add("held_out_mape_pct", DoubleType, "leave-one-out cross-validated MAPE (each run predicted by the fit on"
                    + " the others); null when undefined", a -> finite(a.result().heldOutMapePercent()))
            .add("cv_folds", IntegerType, "folds of held_out_mape_pct: the row count for leave-one-out, 0 = not computed",
                    a -> a.result().folds())
            .add("sweep_ids", createArrayType(StringType), "sweeps whose runs were fitted",
                    a -> a.result().sweepIds().toArray(String[]::new))
            .add("fitted_at", TimestampType, "when the fit was made", a -> timestamp(a.result().fittedAt()))
            .key("sweep_id", StringType, "the sweeps analysed together: a sweep id, ids joined with +, or * for every"
                    + " sweep of the lakehouse", Analysed::sweepScope)
            .key("batch_size", IntegerType, "inference fits: runs.batch_size of the group (inference batch sizes are never"
                    + " pooled); 0 for training fits, which pool batch sizes (their tokens carry them)",
                    a -> a.result().batchSize())
            .build();

    public static final LakeTable TABLE = new LakeTable("regressions", COLUMNS.schema(), COLUMNS.keys(), List.of(),
            "one row per OLS fit of a run energy column on a predictor set for a hardware, kind and model (inference: and"
                    + " batch size)").withChecks(COLUMNS);

    /** A fit back from its row; rows written before response and batch_size were keys read as energy_kwh and 0. */
    public static RegressionFit fit(Row r) {
        List<Coefficient> coefficients = r.<Row>getList(r.fieldIndex("coefficients")).stream()
                .map(c -> new Coefficient(c.getString(0), c.getDouble(1), c.getDouble(2), c.getDouble(3), c.getDouble(4)))
                .toList();
        Object mape = r.getAs("held_out_mape_pct");
        Object response = r.getAs("response");
        Object batchSize = r.getAs("batch_size");
        return new RegressionFit(
                r.getAs("predictor_set"),
                response == null ? "energy_kwh" : (String) response,
                r.getAs("hardware"),
                r.getAs("kind"),
                r.getAs("model"),
                batchSize == null ? 0 : (Integer) batchSize,
                r.<Boolean>getAs("with_intercept"),
                r.<String>getList(r.fieldIndex("predictors")),
                coefficients,
                r.<Double>getAs("r2"),
                r.<Long>getAs("rows"),
                r.<Double>getAs("residual_std_error_kwh"),
                r.<Double>getList(r.fieldIndex("predictor_means")),
                mape == null ? Double.NaN : (Double) mape,
                r.<Integer>getAs("cv_folds"),
                r.<String>getList(r.fieldIndex("sweep_ids")),
                r.<java.sql.Timestamp>getAs("fitted_at").toInstant());
    }
}
