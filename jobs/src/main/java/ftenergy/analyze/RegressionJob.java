package ftenergy.analyze;

import static org.apache.spark.sql.functions.col;

import ftenergy.lake.Analysed;
import ftenergy.stats.AnalysisException;
import ftenergy.stats.RegressionFit;
import ftenergy.stats.SampleSummary;
import java.time.Instant;
import java.util.ArrayList;
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
 * hardware, run kind and model, written to {@code regressions}.
 *
 * <p>The {@code runs} table has one row per run, so each group's rows are brought to the driver
 * once (for leverages and summaries) and handed back to MLlib as a local relation, which keeps
 * Spark's per-fit planning cost small.
 */
public final class RegressionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RegressionJob.class);

    private RegressionJob() {}

    /** Fits every group of the lakehouse's analysable runs and replaces their rows in {@code regressions}. */
    public static RegressionOutcome run(SparkSession spark, String lakehouse, RegressionSettings settings) {
        RegressionOutcome outcome = fit(AnalysisRuns.load(spark, lakehouse, settings.sweepIds()), settings, Instant.now());
        RegressionTable.write(spark, lakehouse, Analysed.scopeOf(settings.sweepIds()), outcome.fits());
        return outcome;
    }

    /** Fits every group of {@code runs} (already filtered to analysable runs); writes nothing. */
    public static RegressionOutcome fit(Dataset<Row> runs, RegressionSettings settings, Instant fittedAt) {
        Column usable = col(OlsFitter.RESPONSE).gt(0);
        List<Column> columns = new ArrayList<>(List.of(col("sweep_id"), col("hardware"), col("kind"), col("model"),
                col(OlsFitter.RESPONSE)));
        for (String column : PredictorSet.allColumns()) {
            usable = usable.and(col(column).isNotNull());
            columns.add(col(column).cast(DataTypes.DoubleType).as(column));
        }
        Dataset<Row> data = runs.where(usable).select(columns.toArray(Column[]::new)).orderBy("run_id");
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Row row : data.collectAsList()) {
            groups.computeIfAbsent(row.getString(1) + "\u0000" + row.getString(2) + "\u0000" + row.getString(3), k -> new ArrayList<>())
                    .add(row);
        }
        List<String> skipped = new ArrayList<>();
        List<Future<RegressionFit>> pending = new ArrayList<>();
        List<String> pendingNames = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelFits());
        try {
            for (List<Row> rows : groups.values()) {
                FitGroup key = new FitGroup(rows.get(0).getString(1), rows.get(0).getString(2), rows.get(0).getString(3));
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
        double[] y = rows.stream().mapToDouble(r -> r.getDouble(4)).toArray();
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
                String name = key + " " + set.label() + (withIntercept ? "" : " through origin");
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
