package ftenergy.analyze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import ftenergy.lake.AnalysisTables;
import ftenergy.lake.Analysed;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.RegressionsTable;
import ftenergy.stats.RegressionFit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes {@link RegressionFit}s to {@code regressions} and reads them back, one analysis scope at a time. */
public final class RegressionTable {

    private RegressionTable() {}

    /**
     * Replaces the rows of the fits' groups in {@code scope} (MERGE on the table key); creates the
     * table if absent. Other scopes' rows stay.
     */
    public static void write(SparkSession spark, String lakehouse, String scope, List<RegressionFit> fits) {
        Lakehouse lake = new Lakehouse(spark, lakehouse);
        lake.create(AnalysisTables.REGRESSIONS);
        List<Row> rows = new ArrayList<>();
        for (RegressionFit fit : fits) {
            rows.add(RegressionsTable.COLUMNS.row(new Analysed<>(scope, fit, fit.fittedAt())));
        }
        new LakeWriter(lake).upsert(AnalysisTables.REGRESSIONS, spark.createDataFrame(rows, AnalysisTables.REGRESSIONS.schema()));
    }

    /** The fits of {@code scope}. */
    public static List<RegressionFit> read(SparkSession spark, String lakehouse, String scope) {
        Dataset<Row> table = new Lakehouse(spark, lakehouse).read(AnalysisTables.REGRESSIONS).where(col("sweep_id").equalTo(scope));
        List<RegressionFit> fits = new ArrayList<>();
        for (Row r : table.orderBy("hardware", "kind", "model", "batch_size", "response", "predictor_set", "with_intercept").collectAsList()) {
            fits.add(RegressionsTable.fit(r));
        }
        return fits;
    }

    /**
     * The scope of the latest analysis: the {@code sweep_id} of the newest fit, or {@code *} when the
     * table is empty. Rows of lakehouses analysed before the column have none and read as {@code *}.
     */
    public static String latestScope(SparkSession spark, String lakehouse) {
        List<Row> newest = new Lakehouse(spark, lakehouse).read(AnalysisTables.REGRESSIONS)
                .groupBy("sweep_id").agg(max("fitted_at").as("at")).orderBy(col("at").desc()).limit(1).collectAsList();
        return newest.isEmpty() || newest.get(0).isNullAt(0) ? "*" : newest.get(0).getString(0);
    }
}
