package ftenergy.analyze;

import ftenergy.lake.AnalysisTables;
import ftenergy.stats.Coefficient;
import ftenergy.stats.RegressionFit;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Converts {@link RegressionFit}s to and from rows of {@code regressions}. */
public final class RegressionTable {

    private RegressionTable() {}

    /** Replaces the rows of the fits' groups (MERGE on the table key); creates the table if absent. */
    public static void write(SparkSession spark, String lakehouse, List<RegressionFit> fits) {
        Lakehouse lake = new Lakehouse(spark, lakehouse);
        lake.create(AnalysisTables.REGRESSIONS);
        List<Row> rows = new ArrayList<>();
        for (RegressionFit fit : fits) {
            rows.add(row(fit));
        }
        new LakeWriter(lake).upsert(AnalysisTables.REGRESSIONS, spark.createDataFrame(rows, AnalysisTables.REGRESSIONS.schema()));
    }

    /** Every fit in the table. */
    public static List<RegressionFit> read(SparkSession spark, String lakehouse) {
        Dataset<Row> table = new Lakehouse(spark, lakehouse).read(AnalysisTables.REGRESSIONS);
        List<RegressionFit> fits = new ArrayList<>();
        for (Row r : table.orderBy("hardware", "kind", "model", "predictor_set", "with_intercept").collectAsList()) {
            fits.add(fit(r));
        }
        return fits;
    }

    static Row row(RegressionFit fit) {
        List<Row> coefficients = new ArrayList<>();
        for (Coefficient c : fit.coefficients()) {
            coefficients.add(RowFactory.create(c.name(), c.estimate(), c.standardError(), c.tValue(), c.pValue()));
        }
        return RowFactory.create(
                fit.predictorSet(),
                fit.hardware(),
                fit.kind(),
                fit.model(),
                fit.withIntercept(),
                OlsFitter.RESPONSE,
                fit.predictors().toArray(String[]::new),
                coefficients.toArray(Row[]::new),
                fit.r2(),
                fit.rows(),
                fit.residualStandardErrorKwh(),
                fit.predictorMeans().toArray(Double[]::new),
                Double.isNaN(fit.heldOutMapePercent()) ? null : fit.heldOutMapePercent(),
                fit.folds(),
                fit.sweepIds().toArray(String[]::new),
                Timestamp.from(fit.fittedAt()));
    }

    static RegressionFit fit(Row r) {
        List<Coefficient> coefficients = new ArrayList<>();
        for (Row c : r.<Row>getList(r.fieldIndex("coefficients"))) {
            coefficients.add(new Coefficient(c.getString(0), c.getDouble(1), c.getDouble(2), c.getDouble(3), c.getDouble(4)));
        }
        Object mape = r.getAs("held_out_mape_pct");
        return new RegressionFit(
                r.getAs("predictor_set"),
                r.getAs("hardware"),
                r.getAs("kind"),
                r.getAs("model"),
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
                r.<Timestamp>getAs("fitted_at").toInstant());
    }
}
