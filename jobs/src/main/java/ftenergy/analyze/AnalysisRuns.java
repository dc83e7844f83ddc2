package ftenergy.analyze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.run.RunStatus;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;

/**
 * The runs that enter analyses: per run id its latest attempt, and only if that attempt succeeded.
 * An earlier failed attempt of a run that later succeeded is superseded; a run whose latest attempt
 * failed or diverged is left out, because its energy covers an unfinished workload.
 */
public final class AnalysisRuns {

    private AnalysisRuns() {}

    /**
     * The analysable runs of the lakehouse at {@code lakehouse}.
     *
     * @param sweepIds sweeps to keep; empty keeps every sweep
     */
    public static Dataset<Row> load(SparkSession spark, String lakehouse, List<String> sweepIds) {
        Dataset<Row> runs = latestSucceeded(withEveryColumn(new Lakehouse(spark, lakehouse).read(LakeTables.RUNS)));
        return sweepIds.isEmpty() ? runs : runs.where(col("sweep_id").isin(sweepIds.toArray()));
    }

    /** {@code runs} with the columns of today's schema that a lakehouse written by an older version lacks, as nulls. */
    private static Dataset<Row> withEveryColumn(Dataset<Row> runs) {
        List<String> present = List.of(runs.columns());
        for (StructField field : LakeTables.RUNS.schema().fields()) {
            if (!present.contains(field.name())) {
                runs = runs.withColumn(field.name(), lit(null).cast(field.dataType()));
            }
        }
        return runs;
    }

    /** Keeps per run id the highest attempt, if its status is succeeded. */
    public static Dataset<Row> latestSucceeded(Dataset<Row> runs) {
        // A column first: Spark refuses window functions inside WHERE.
        return runs.withColumn("_latest_succeeded", isLatestSucceeded()).where(col("_latest_succeeded")).drop("_latest_succeeded");
    }

    /** Whether a {@code runs} row is its run's highest attempt and succeeded: the rows analyses use. */
    public static Column isLatestSucceeded() {
        return row_number().over(Window.partitionBy("run_id").orderBy(col("attempt").desc())).equalTo(1)
                .and(col("status").equalTo(RunStatus.SUCCEEDED.label()));
    }
}
