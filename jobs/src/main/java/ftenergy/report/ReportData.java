package ftenergy.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import ftenergy.stats.RegressionFit;
import ftenergy.analyze.AnalysisRuns;
import ftenergy.lake.AnalysisTables;
import ftenergy.analyze.RegressionTable;
import ftenergy.lake.LakeTable;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything the report shows, read once from the lakehouse.
 *
 * @param lakehouse the lakehouse root read
 * @param generatedAt when the data was read
 * @param runRows rows of {@code runs} (all attempts)
 * @param analysableRuns runs whose latest attempt succeeded (what every analysis uses)
 * @param sweepIds sweeps of the analysable runs
 * @param codeVersions ftenergy versions that produced them
 * @param points the analysable runs as scatter points
 * @param curves metric against emissions during training, for up to 8 runs
 * @param fits rows of {@code regressions}
 * @param provenance how energy was measured, per hardware and kind
 * @param rates rows of {@code energy_rates}
 * @param amortization rows of {@code amortization}
 */
public record ReportData(
        String lakehouse,
        Instant generatedAt,
        long runRows,
        long analysableRuns,
        List<String> sweepIds,
        List<String> codeVersions,
        List<RunPoint> points,
        List<EvalCurve> curves,
        List<RegressionFit> fits,
        TableData provenance,
        TableData rates,
        TableData amortization) {

    private static final int MAX_CURVES = 8;

    /** Reads the report's data; fails naming the analysis table that {@code ftenergy analyze} has not written yet. */
    public static ReportData load(SparkSession spark, String lakehouse) {
        Lakehouse lake = new Lakehouse(spark, lakehouse);
        for (LakeTable table : AnalysisTables.all()) {
            if (!lake.exists(table)) {
                throw new ReportException("table '" + table.name() + "' does not exist under " + lakehouse
                        + "; run `ftenergy analyze` on this lakehouse before `ftenergy report`");
            }
        }
        // The latest analysis's rows: analyses of other sweeps stand beside them in the same tables.
        String scope = RegressionTable.latestScope(spark, lakehouse);
        Dataset<Row> all = lake.read(LakeTables.RUNS);
        Dataset<Row> runs = AnalysisRuns.latestSucceeded(all).cache();
        try {
            return new ReportData(
                    lakehouse,
                    Instant.now(),
                    all.count(),
                    runs.count(),
                    strings(runs.select("sweep_id").distinct().orderBy("sweep_id")),
                    strings(runs.select("code_version").distinct().orderBy("code_version")),
                    points(runs),
                    curves(lake, runs),
                    RegressionTable.read(spark, lakehouse, scope),
                    TableData.of("How energy was measured", "runs (latest succeeded attempts), grouped",
                            runs.groupBy("hardware", "kind", "cpu_source", "gpu_source", "ram_source", "grid_region", "grid_g_per_kwh", "pue")
                                    .agg(count(lit(1)).as("runs"), min("wall_coefficient").as("wall_coefficient_min"),
                                            max("wall_coefficient").as("wall_coefficient_max"))
                                    .orderBy("hardware", "kind", "cpu_source"),
                            "hardware", "kind", "runs", "cpu_source", "gpu_source", "ram_source", "wall_coefficient_min",
                            "wall_coefficient_max", "pue", "grid_region", "grid_g_per_kwh"),
                    TableData.of("Energy per step, per token and per example", "energy_rates",
                            lake.read(AnalysisTables.ENERGY_RATES).where(col("sweep_id").equalTo(scope)).orderBy("hardware", "kind", "model", "task"),
                            "hardware", "kind", "model", "task", "runs", "energy_kwh_mean", "energy_kwh_cv", "j_per_step_mean",
                            "j_per_token_padded_mean", "j_per_token_real_mean", "j_per_example_mean", "j_per_example_cv", "watts_mean"),
                    TableData.of("Pre-training equivalence, distillation overhead and amortization", "amortization",
                            lake.read(AnalysisTables.AMORTIZATION).where(col("sweep_id").equalTo(scope)).orderBy("pretrain_run_id", "distill_run_id", "hardware", "task",
                                    "inferences_per_model"),
                            "pretrain_run_id", "distill_run_id", "hardware", "task", "inferences_per_model", "teacher_model",
                            "student_model", "pretrain_kwh", "distill_kwh", "distill_overhead_pct", "teacher_finetune_runs",
                            "teacher_finetune_kwh", "student_finetune_runs", "student_finetune_kwh", "finetune_saving_pct",
                            "pretrain_equivalence", "teacher_inference_j_per_example", "student_inference_j_per_example", "n_star",
                            "verdict", "inference_cv_across_tasks", "finetune_cv_across_tasks"));
        } finally {
            runs.unpersist();
        }
    }

    private static List<String> strings(Dataset<Row> oneColumn) {
        List<String> values = new ArrayList<>();
        for (Row r : oneColumn.collectAsList()) {
            values.add(r.isNullAt(0) ? "(none)" : r.getString(0));
        }
        return values;
    }

    private static List<RunPoint> points(Dataset<Row> runs) {
        List<RunPoint> points = new ArrayList<>();
        for (Row r : runs.select(col("hardware"), col("kind"), col("model"), col("task"), col("energy_kwh"),
                col("tokens_padded").cast("double"), col("duration_s"), col("steps").cast("double"), col("examples").cast("double"))
                .orderBy("hardware", "model", "task").collectAsList()) {
            points.add(new RunPoint(r.getString(0), r.getString(1), r.getString(2), r.getString(3), number(r, 4), number(r, 5),
                    number(r, 6), number(r, 7), number(r, 8)));
        }
        return points;
    }

    private static List<EvalCurve> curves(Lakehouse lake, Dataset<Row> runs) {
        if (!lake.exists(LakeTables.EVALS)) {
            return List.of();
        }
        Dataset<Row> evals = lake.read(LakeTables.EVALS).join(runs.select("run_id", "attempt", "model", "task", "hardware"),
                new String[] {"run_id", "attempt"});
        List<Row> longest = evals.groupBy("run_id").count().orderBy(col("count").desc(), col("run_id")).limit(MAX_CURVES).collectAsList();
        List<String> ids = longest.stream().map(r -> r.getString(0)).sorted().toList();
        Map<String, List<Row>> byRun = new LinkedHashMap<>();
        for (Row r : evals.where(col("run_id").isin(ids.toArray())).orderBy("run_id", "step")
                .select("run_id", "model", "task", "hardware", "metric_name", "co2_kg_so_far", "metric_value").collectAsList()) {
            byRun.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        List<EvalCurve> curves = new ArrayList<>();
        for (List<Row> rows : byRun.values()) {
            Row first = rows.get(0);
            List<Double> co2 = new ArrayList<>();
            List<Double> metric = new ArrayList<>();
            for (Row r : rows) {
                if (!r.isNullAt(5) && !r.isNullAt(6)) {
                    co2.add(r.getDouble(5) * 1000);
                    metric.add(r.getDouble(6));
                }
            }
            curves.add(new EvalCurve(first.getString(1) + " " + first.getString(2) + " (" + first.getString(3) + ", "
                    + first.getString(0) + ")", first.getString(4), co2, metric));
        }
        return curves;
    }

    private static double number(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }
}
