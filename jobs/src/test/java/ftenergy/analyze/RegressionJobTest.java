package ftenergy.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.analysis.RegressionFit;
import ftenergy.lake.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionJobTest {

    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
        SyntheticLakehouse.write(spark, dir.toString(), 42L);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void tokensFit_recoversKnownCoefficients() {
        long start = System.nanoTime();
        RegressionOutcome outcome = RegressionJob.run(spark, dir.toString(), RegressionSettings.defaults());
        System.out.printf("fits: %d in %.1f s; skipped %s%n", outcome.fits().size(), (System.nanoTime() - start) / 1e9, outcome.skipped());
        for (SyntheticLakehouse.Truth truth : SyntheticLakehouse.TRUTHS) {
            RegressionFit fit = find(outcome.fits(), "tokens_padded", truth, true);
            double slope = fit.coefficient("tokens_padded").estimate();
            double slopeError = fit.coefficient("tokens_padded").standardError();
            System.out.println(fit.describe());
            assertEquals(24, fit.rows(), "diverged and failed attempts are excluded");
            assertTrue(Math.abs(slope - truth.slopeKwhPerToken()) < 4 * slopeError, fit.describe());
            assertTrue(Math.abs(slope / truth.slopeKwhPerToken() - 1) < 0.05, fit.describe());
            assertTrue(fit.r2() > 0.95, fit.describe());
            assertTrue(fit.heldOutMapePercent() < 15, fit.describe());
        }
    }

    static RegressionFit find(List<RegressionFit> fits, String set, SyntheticLakehouse.Truth truth, boolean intercept) {
        return fits.stream().filter(f -> f.predictorSet().equals(set) && f.hardware().equals(truth.hardware())
                && f.model().equals(truth.model()) && f.kind().equals("finetune") && f.withIntercept() == intercept)
                .findFirst().orElseThrow(() -> new AssertionError("no " + set + " fit for " + truth));
    }
}
