package ftenergy.analyze;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import ftenergy.lake.Analysed;
import ftenergy.run.RunKind;
import ftenergy.stats.AnalysisException;
import ftenergy.stats.RegressionFit;
import ftenergy.stats.SampleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ftenergy analyze}, part 1: OLS of run energy on tokens, time, steps and examples, per
 * hardware, run kind and model (and, for inference, batch size), written to {@code regressions}.
 * Each group is fitted twice, for the whole run ({@code energy_kwh}, everything the meter saw: the
 * paper's view) and for the training loop alone ({@code energy_steps_kwh}; inference: the
 * batches), so the loop's own scaling can be told from the fixed cost around it.
 *
 * <p>The {@code runs} table has one row per run, so each group's rows are brought to the driver
 * once (for leverages and summaries) and handed back to MLlib as a local relation, which keeps
 * Spark's per-fit planning cost small.
 */
public final class RegressionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RegressionJob.class);

    /** The group's inference batch size: inference runs are fitted per batch size, training runs pool them. */
    static final String FIT_BATCH_SIZE = "fit_batch_size";

    private RegressionJob() {}

    /** Fits every group of the lakehouse's analysable runs and replaces their rows in {@code regressions}. */
    public static RegressionOutcome run(SparkSession spark, String lakehouse, RegressionSettings settings) {
        RegressionOutcome outcome = fit(AnalysisRuns.load(spark, lakehouse, settings.sweepIds()), settings, Instant.now());
        RegressionTable.write(spark, lakehouse, Analysed.scopeOf(settings.sweepIds()), outcome.fits());
        return outcome;
    }

    /** Fits every group of {@code runs} (already filtered to analysable runs); writes nothing. */
    public static RegressionOutcome fit(Dataset<Row> runs, RegressionSettings settings, Instant fittedAt) {
        Column predictorsKnown = lit(true);
        List<Column> columns = new ArrayList<>(List.of(col("sweep_id"), col("hardware"), col("kind"), col("model"),
                when(col("kind").equalTo(RunKind.INFERENCE.label()), coalesce(col("batch_size"), lit(0))).otherwise(lit(0))
                        .as(FIT_BATCH_SIZE)));
        for (Response response : Response.values()) {
            columns.add(col(response.column()).cast(DataTypes.DoubleType).as(response.column()));
        }
        for (String column : PredictorSet.allColumns()) {
            predictorsKnown = predictorsKnown.and(col(column).isNotNull());
            columns.add(col(column).cast(DataTypes.DoubleType).as(column));
        }
        Dataset<Row> data = runs.where(predictorsKnown).select(columns.toArray(Column[]::new)).orderBy("run_id");
        Map<FitGroup, List<Row>> groups = new TreeMap<>(Comparator.comparing(FitGroup::toString));
        for (Row row : data.collectAsList()) {
            for (Response response : Response.values()) {
                int index = row.fieldIndex(response.column());
                if (!row.isNullAt(index) && row.getDouble(index) > 0) {
                    FitGroup key = new FitGroup(response, row.getString(1), row.getString(2), row.getString(3), row.getInt(4));
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
            }
        }
        List<String> skipped = new ArrayList<>();
        List<Future<RegressionFit>> pending = new ArrayList<>();
        List<String> pendingNames = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelFits());
        try {
            for (Map.Entry<FitGroup, List<Row>> group : groups.entrySet()) {
                FitGroup key = group.getKey();
                List<Row> rows = group.getValue();
                if (rows.size() < settings.minRows()) {
                    skipped.add(key + ": " + rows.size() + " runs, fewer than " + settings.minRows());
                    continue;
                }
                submitGroup(runs.sparkSession(), data.schema(), key, rows, fittedAt, pool, pending, pendingNames, skipped);
            }
            List<RegressionFit> fits = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    fits.add(pending.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnsupportedOperationException || e.getCause() instanceof AnalysisException) {
                        // MLlib left the normal equations (no standard errors) or leverages are undefined: collinear predictors.
                        skipped.add(pendingNames.get(i) + ": collinear predictors, no unique least-squares fit ("
                                + e.getCause().getMessage() + ")");
                    } else {
                        throw new AnalysisJobException("regression " + pendingNames.get(i) + " failed: " + e.getCause(), e.getCause());
                    }
                }
            }
            skipped.forEach(line -> LOG.info("regression skipped: {}", line));
            return new RegressionOutcome(fits, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisJobException("interrupted while fitting regressions", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void submitGroup(SparkSession spark, StructType schema, FitGroup key, List<Row> rows, Instant fittedAt,
            ExecutorService pool, List<Future<RegressionFit>> pending, List<String> pendingNames, List<String> skipped) {
        Dataset<Row> group = spark.createDataFrame(rows, schema);
        List<String> sweeps = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> r.getString(0)).toList()));
        int responseIndex = schema.fieldIndex(key.response().column());
        double[] y = rows.stream().mapToDouble(r -> r.getDouble(responseIndex)).toArray();
        for (PredictorSet set : PredictorSet.values()) {
            double[][] x = new double[rows.size()][set.columns().size()];
            List<Double> means = new ArrayList<>();
            String constant = null;
            for (int j = 0; j < set.columns().size(); j++) {
                int index = schema.fieldIndex(set.columns().get(j));
                for (int i = 0; i < rows.size(); i++) {
                    x[i][j] = rows.get(i).getDouble(index);
                }
                int column = j;
                SampleSummary summary = SampleSummary.of(rows.stream().mapToDouble(r -> r.getDouble(index)).toArray());
                means.add(summary.mean());
                if (summary.standardDeviation() == 0 && constant == null) {
                    constant = set.columns().get(column) + " is " + summary.mean() + " in every run";
                }
            }
            for (boolean withIntercept : set.interceptChoices()) {
                String name = key + " on " + set.label() + (withIntercept ? "" : " through origin");
                if (constant != null) {
                    skipped.add(name + ": " + constant);
                } else if (rows.size() <= set.columns().size() + (withIntercept ? 1 : 0)) {
                    skipped.add(name + ": " + rows.size() + " runs leave no residual degree of freedom");
                } else {
                    pendingNames.add(name);
                    pending.add(pool.submit(() -> OlsFitter.fit(group, x, y, key, set, withIntercept, means, sweeps, fittedAt)));
                }
            }
        }
    }
}
