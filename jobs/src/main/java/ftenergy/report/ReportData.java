package ftenergy.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import ftenergy.amortization.AmortizationRow;
import ftenergy.analyze.AnalysisRuns;
import ftenergy.analyze.RegressionTable;
import ftenergy.lake.AmortizationTable;
import ftenergy.lake.AnalysisTables;
import ftenergy.lake.EnergyRatesTable;
import ftenergy.lake.LakeTable;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.run.RunKind;
import ftenergy.stats.EnergyRate;
import ftenergy.stats.RegressionFit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything the report shows, read once from the lakehouse: the latest analysis (its scope, the
 * analysis tables' {@code sweep_id}) and the runs of the sweeps it analysed.
 *
 * @param lakehouse the lakehouse root read
 * @param generatedAt when the data was read
 * @param scope the analysis scope shown: a sweep id, ids joined with +, or * for every sweep
 * @param runRows rows of {@code runs} of the scope's sweeps (all attempts)
 * @param analysableRuns runs whose latest attempt succeeded (what every analysis uses)
 * @param sweepIds sweeps of the analysable runs
 * @param codeVersions ftenergy versions that produced them
 * @param points the analysable runs as scatter points
 * @param curves task metric against emissions during fine-tuning, per metric for up to 8 runs
 * @param fits rows of {@code regressions}
 * @param rates rows of {@code energy_rates}
 * @param amortization rows of {@code amortization}
 * @param provenance how energy was measured, per hardware and kind
 * @param tasks the tasks of {@code examples} (the paper's Table 1)
 * @param costs mean cost of a training run per kind, hardware, model and task (Table 2)
 * @param padding what length-grouped batching saved, from runs differing only in it
 * @param devices single against multi-GPU training
 */
public record ReportData(
        String lakehouse,
        Instant generatedAt,
        String scope,
        long runRows,
        long analysableRuns,
        List<String> sweepIds,
        List<String> codeVersions,
        List<RunPoint> points,
        List<EvalCurve> curves,
        List<RegressionFit> fits,
        List<EnergyRate> rates,
        List<AmortizationRow> amortization,
        TableData provenance,
        List<TaskExamples> tasks,
        List<TaskCost> costs,
        List<PaddingComparison> padding,
        DeviceScaling devices,
        TableData spending) {

    /** The metrics of fine-tuned tasks that the metric-vs-emissions figures plot (not the pre-training's losses). */
    static final List<String> TASK_METRICS = List.of("accuracy", "f1", "exact_match");

    private static final int MAX_CURVES = 8;

    public ReportData {
        sweepIds = List.copyOf(sweepIds);
        codeVersions = List.copyOf(codeVersions);
        points = List.copyOf(points);
        curves = List.copyOf(curves);
        fits = List.copyOf(fits);
        rates = List.copyOf(rates);
        amortization = List.copyOf(amortization);
        tasks = List.copyOf(tasks);
        costs = List.copyOf(costs);
        padding = List.copyOf(padding);
    }

    /** Inference against fine-tuning across tasks, per hardware and model (the paper's §4.4, Table 4). */
    public List<InferenceSpread> spreads() {
        return InferenceSpread.of(rates, costs);
    }

    /** The paper's claims, each checked on these runs. */
    public List<Claim> claims() {
        return Findings.check(fits, rates, amortization, spreads());
    }

    /**
     * What every recorded attempt of the sweeps spent, by status: the sweeps' total includes failed
     * and diverged work, and superseded attempts of runs that later succeeded, which the analyses
     * leave out.
     */
    private static TableData spending(Dataset<Row> all) {
        Dataset<Row> ranked = all.withColumn("analysed", AnalysisRuns.isLatestSucceeded());
        return TableData.of("Energy of every attempt, failed work apart", "runs (every attempt of the analysed sweeps)",
                ranked.groupBy(col("sweep_id"), col("status"), col("analysed"))
                        .agg(count(lit(1)).as("attempts"), sum("energy_kwh").as("kwh"), sum("co2_kg").as("co2_kg"))
                        .orderBy(col("sweep_id"), col("analysed").desc(), col("status")),
                "sweep_id", "status", "analysed", "attempts", "kwh", "co2_kg");
    }

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
        List<String> scopeSweeps = scope.equals("*") ? List.of() : Arrays.asList(scope.split("\\+"));
        Dataset<Row> all = lake.read(LakeTables.RUNS);
        if (!scopeSweeps.isEmpty()) {
            all = all.where(col("sweep_id").isin(scopeSweeps.toArray()));
        }
        Dataset<Row> runs = AnalysisRuns.load(spark, lakehouse, scopeSweeps).cache();
        try {
            List<TaskCost> costs = TaskCost.of(runs);
            return new ReportData(
                    lakehouse,
                    Instant.now(),
                    scope,
                    all.count(),
                    runs.count(),
                    strings(runs.select("sweep_id").distinct().orderBy("sweep_id")),
                    strings(runs.select("code_version").distinct().orderBy("code_version")),
                    points(runs),
                    curves(lake, runs),
                    RegressionTable.read(spark, lakehouse, scope),
                    lake.read(AnalysisTables.ENERGY_RATES).where(col("sweep_id").equalTo(scope))
                            .orderBy("hardware", "kind", "model", "task", "batch_size").collectAsList().stream()
                            .map(EnergyRatesTable::rate).toList(),
                    lake.read(AnalysisTables.AMORTIZATION).where(col("sweep_id").equalTo(scope))
                            .orderBy("pretrain_run_id", "distill_run_id", "hardware", "task", "inferences_per_model",
                                    "inference_batch_size")
                            .collectAsList().stream().map(AmortizationTable::row).toList(),
                    TableData.of("How energy was measured", "runs (latest succeeded attempts), grouped",
                            runs.groupBy("hardware", "kind", "cpu_source", "gpu_source", "ram_source", "grid_region", "grid_g_per_kwh", "pue")
                                    .agg(count(lit(1)).as("runs"), min("wall_coefficient").as("wall_coefficient_min"),
                                            max("wall_coefficient").as("wall_coefficient_max"))
                                    .orderBy("hardware", "kind", "cpu_source"),
                            "hardware", "kind", "runs", "cpu_source", "gpu_source", "ram_source", "wall_coefficient_min",
                            "wall_coefficient_max", "pue", "grid_region", "grid_g_per_kwh"),
                    TaskExamples.load(lake),
                    costs,
                    PaddingComparison.of(runs),
                    DeviceScaling.of(runs),
                    spending(all));
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

    /**
     * Per task metric, the fine-tuning runs with the most evaluations (up to 8), each a curve of the
     * metric against emissions so far, in training order (by step).
     */
    private static List<EvalCurve> curves(Lakehouse lake, Dataset<Row> runs) {
        if (!lake.exists(LakeTables.EVALS)) {
            return List.of();
        }
        Dataset<Row> evals = lake.read(LakeTables.EVALS)
                .join(runs.where(col("kind").equalTo(RunKind.FINETUNE.label())).select("run_id", "attempt", "model", "task", "hardware"),
                        new String[] {"run_id", "attempt"})
                .where(col("metric_name").isin(TASK_METRICS.toArray()).and(col("co2_kg_so_far").isNotNull())
                        .and(col("metric_value").isNotNull()));
        List<EvalCurve> curves = new ArrayList<>();
        for (String metric : TASK_METRICS) {
            Dataset<Row> ofMetric = evals.where(col("metric_name").equalTo(metric));
            List<String> ids = ofMetric.groupBy("run_id").count().orderBy(col("count").desc(), col("run_id")).limit(MAX_CURVES)
                    .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
            Map<String, List<Row>> byRun = new LinkedHashMap<>();
            for (Row r : ofMetric.where(col("run_id").isin(ids.toArray())).orderBy("run_id", "step")
                    .select("run_id", "model", "task", "hardware", "co2_kg_so_far", "metric_value").collectAsList()) {
                byRun.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
            }
            for (List<Row> rows : byRun.values()) {
                Row first = rows.get(0);
                curves.add(new EvalCurve(first.getString(1) + " " + first.getString(2) + " (" + first.getString(3) + ", "
                        + first.getString(0) + ")", metric, rows.stream().map(r -> r.getDouble(4) * 1000).toList(),
                        rows.stream().map(r -> r.getDouble(5)).toList()));
            }
        }
        return curves;
    }

    private static double number(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }
}
