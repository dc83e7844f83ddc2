package ftenergy.analyze;

import ftenergy.lake.AnalysisTables;
import ftenergy.stats.EnergyPredictor;
import ftenergy.lake.Lakehouse;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the {@link EnergyPredictor} that {@code sweep --plan} uses from the lakehouse's
 * {@code regressions} table.
 *
 * <pre>{@code
 * EnergyPredictor predictor = EnergyPredictors.load(spark, "lakehouse", 0.95);
 * if (predictor.supports(hardware, RunKind.FINETUNE, model)) {
 *     EnergyPrediction p = predictor.predict(hardware, RunKind.FINETUNE, model, plannedPaddedTokens);
 * }
 * }</pre>
 */
public final class EnergyPredictors {

    private EnergyPredictors() {}

    /**
     * The predictor over every padded-token fit of the latest analysis; one with no fits (every {@code supports} false)
     * when the table does not exist yet.
     *
     * @param confidence coverage of the prediction intervals, e.g. 0.95
     */
    public static EnergyPredictor load(SparkSession spark, String lakehouse, double confidence) {
        if (!new Lakehouse(spark, lakehouse).exists(AnalysisTables.REGRESSIONS)) {
            return new EnergyPredictor(java.util.List.of(), confidence);
        }
        return new EnergyPredictor(RegressionTable.read(spark, lakehouse, RegressionTable.latestScope(spark, lakehouse)), confidence);
    }
}
