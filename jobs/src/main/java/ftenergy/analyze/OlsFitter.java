package ftenergy.analyze;

import static org.apache.spark.sql.functions.col;

import ftenergy.stats.Coefficient;
import ftenergy.stats.LeaveOneOut;
import ftenergy.stats.RegressionFit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionTrainingSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits one predictor set on one group's runs with MLlib's normal-equation solver, which is what
 * makes standard errors, t- and p-values available, and scores it by exact leave-one-out
 * cross-validation (n folds from one fit, see {@link LeaveOneOut}).
 */
final class OlsFitter {

    private OlsFitter() {}

    /**
     * @param group the group's runs: the group's response and every predictor column, as doubles
     * @param x the same runs' predictor values for this set, in {@code group}'s row order
     * @param y their responses
     * @throws UnsupportedOperationException when MLlib had to leave the normal equations (collinear
     *     predictors) and so has no standard errors
     */
    static RegressionFit fit(Dataset<Row> group, double[][] x, double[] y, FitGroup key, PredictorSet set,
            boolean withIntercept, List<Double> predictorMeans, List<String> sweepIds, Instant fittedAt) {
        VectorAssembler assembler = new VectorAssembler().setInputCols(set.columns().toArray(String[]::new)).setOutputCol("features");
        Dataset<Row> data = assembler.transform(group).select(col(key.response().column()).as("label"), col("features"));
        // Features are standardized internally for conditioning (token counts ~1e8 next to seconds ~1e3);
        // without regularization the solution is unchanged.
        LinearRegressionModel model = new LinearRegression().setSolver("normal").setFitIntercept(withIntercept)
                .setRegParam(0.0).setLabelCol("label").setFeaturesCol("features").fit(data);
        LinearRegressionTrainingSummary summary = model.summary();
        double[] standardErrors = summary.coefficientStandardErrors();
        double[] estimates = model.coefficients().toArray();
        List<Coefficient> coefficients = new ArrayList<>();
        for (int i = 0; i < estimates.length; i++) {
            coefficients.add(new Coefficient(set.columns().get(i), estimates[i], standardErrors[i], summary.tValues()[i],
                    summary.pValues()[i]));
        }
        if (withIntercept) {
            int last = estimates.length;
            coefficients.add(new Coefficient(Coefficient.INTERCEPT, model.intercept(), standardErrors[last],
                    summary.tValues()[last], summary.pValues()[last]));
        }
        long rows = summary.numInstances();
        double residualStandardError = Math.sqrt(summary.meanSquaredError() * rows / summary.degreesOfFreedom());
        RegressionFit fit = new RegressionFit(set.label(), key.response().column(), key.hardware(), key.kind(), key.model(),
                key.batchSize(), withIntercept, set.columns(),
                coefficients, summary.r2(), rows, residualStandardError, predictorMeans, Double.NaN, 0, sweepIds, fittedAt);
        double mape = LeaveOneOut.mapePercent(fit, x, y);
        return fit.withHeldOutMape(mape, Double.isNaN(mape) ? 0 : (int) rows);
    }
}
