package ftenergy.analyze;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ftenergy analyze}: regressions, energy rates and amortization of the lakehouse's
 * analysable runs (latest attempt of each run, if it succeeded), each written to its Delta table
 * under the lakehouse root and replacing earlier results for the same groups.
 *
 * <pre>{@code
 * AnalysisResult result = AnalyzeJob.run(spark, "lakehouse", AnalyzeSettings.defaults());
 * }</pre>
 */
public final class AnalyzeJob {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);

    private AnalyzeJob() {}

    /** Runs the three analyses in order and returns what each wrote. */
    public static AnalysisResult run(SparkSession spark, String lakehouse, AnalyzeSettings settings) {
        long start = System.nanoTime();
        RegressionOutcome regressions = RegressionJob.run(spark, lakehouse, settings.regression());
        LOG.info("regressions: {} fits, {} skipped", regressions.fits().size(), regressions.skipped().size());
        var rates = EnergyRatesJob.run(spark, lakehouse, settings.sweepIds());
        LOG.info("energy rates: {} groups", rates.size());
        var amortization = AmortizationJob.run(spark, lakehouse, settings.amortization());
        LOG.info("amortization: {} rows; analysis took {} s", amortization.size(), Math.round((System.nanoTime() - start) / 1e9));
        return new AnalysisResult(regressions, rates, amortization);
    }
}
