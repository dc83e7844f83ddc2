package ftenergy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.run.RunKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed OLS on x = 1..5, y = 1, 3, 2, 5, 4: with intercept b0 = 0.6, b1 = 0.8, SSE = 3.6,
 * s² = 1.2, Sxx = 10; through the origin b = 53/55, SSE = 55 − 53²/55, s² = SSE/4, Σx² = 55.
 */
class RegressionFitTest {

    static RegressionFit withIntercept(double mapePercent) {
        double s = Math.sqrt(1.2);
        return new RegressionFit("tokens_padded", "energy_kwh", "gpu-a", "finetune", "bert", 0, true, List.of("tokens_padded"),
                List.of(new Coefficient("tokens_padded", 0.8, Math.sqrt(1.2 / 10), 0.8 / Math.sqrt(0.12), 0.1),
                        new Coefficient(Coefficient.INTERCEPT, 0.6, s * Math.sqrt(0.2 + 9.0 / 10), 0.5, 0.6)),
                0.64, 5, s, List.of(3.0), mapePercent, 5, List.of("s1"), Instant.EPOCH);
    }

    static RegressionFit throughOrigin(double mapePercent) {
        double b = 53.0 / 55.0;
        double s2 = (55.0 - 53.0 * 53.0 / 55.0) / 4.0;
        return new RegressionFit("tokens_padded", "energy_kwh", "gpu-a", "finetune", "bert", 0, false, List.of("tokens_padded"),
                List.of(new Coefficient("tokens_padded", b, Math.sqrt(s2 / 55.0), 7.2, 0.001)),
                0.93, 5, Math.sqrt(s2), List.of(3.0), mapePercent, 5, List.of("s1"), Instant.EPOCH);
    }

    @Test
    void interval_withIntercept_matchesTextbookFormulaAndClampsAtZero() {
        // ŷ(3) = 3.0; Var = s²(1 + 1/5 + 0) = 1.44; t(0.975, 3) = 3.182446305.
        EnergyPrediction p = withIntercept(Double.NaN).predictInterval(3.0, 0.95);
        assertEquals(3.0, p.kwh(), 1e-12);
        assertEquals(3.0 + 3.182446305 * 1.2, p.highKwh(), 1e-7);
        assertEquals(0.0, p.lowKwh(), "3.0 - 3.82 < 0 clamps at 0");
        assertEquals(0.95, p.confidence());
    }

    @Test
    void interval_farFromMeanOfX_isWider() {
        // ŷ(6) = 5.4; Var = 1.2 (1 + 1/5 + 9/10) = 2.52 > 1.44 at the mean of x.
        EnergyPrediction p = withIntercept(Double.NaN).predictInterval(6.0, 0.95);
        assertEquals(5.4 + 3.182446305 * Math.sqrt(2.52), p.highKwh(), 1e-7);
        assertEquals(5.4 - 3.182446305 * Math.sqrt(2.52), p.lowKwh(), 1e-7);
    }

    @Test
    void interval_throughOrigin_usesUncentredVariance() {
        double b = 53.0 / 55.0;
        double s2 = (55.0 - 53.0 * 53.0 / 55.0) / 4.0;
        EnergyPrediction p = throughOrigin(Double.NaN).predictInterval(3.0, 0.95);
        double half = 2.776445105 * Math.sqrt(s2 * (1 + 9.0 / 55.0));
        assertEquals(3 * b, p.kwh(), 1e-12);
        assertEquals(3 * b + half, p.highKwh(), 1e-7);
    }

    @Test
    void equation_namesPredictors() {
        assertEquals("energy_kwh = 0.600 + 0.800·tokens_padded", withIntercept(1.0).equation());
    }

    @Test
    void predictor_picksLowerHeldOutMape() {
        EnergyPredictor predictor = new EnergyPredictor(List.of(withIntercept(9.0), throughOrigin(4.0)), 0.9);
        assertEquals(false, predictor.fit("gpu-a", RunKind.FINETUNE, "bert", 16).orElseThrow().withIntercept());
        EnergyPredictor unvalidated = new EnergyPredictor(List.of(throughOrigin(Double.NaN), withIntercept(Double.NaN)), 0.9);
        assertEquals(true, unvalidated.fit("gpu-a", RunKind.FINETUNE, "bert", 16).orElseThrow().withIntercept());
        EnergyPrediction p = predictor.predict("gpu-a", RunKind.FINETUNE, "bert", 16, 4);
        assertEquals(4 * 53.0 / 55.0, p.kwh(), 1e-12);
        assertTrue(p.basis().contains("gpu-a/finetune/bert"), p.basis());
    }

    @Test
    void predictor_usesWholeRunFitsAndTheInferenceRunsBatchSize() {
        RegressionFit base = withIntercept(1.0);
        RegressionFit loopOnly = copy(base, "energy_steps_kwh", "finetune", 0, 100.0);
        RegressionFit batch1 = copy(base, "energy_kwh", "inference", 1, 10.0);
        RegressionFit batch32 = copy(base, "energy_kwh", "inference", 32, 1.0);
        EnergyPredictor predictor = new EnergyPredictor(List.of(loopOnly, batch1, batch32), 0.9);
        assertTrue(predictor.fit("gpu-a", RunKind.FINETUNE, "bert", 16).isEmpty(), "a training-loop fit does not predict a run");
        assertEquals(10.0 + 0.8 * 5, predictor.predict("gpu-a", RunKind.INFERENCE, "bert", 1, 5).kwh(), 1e-12);
        assertEquals(1.0 + 0.8 * 5, predictor.predict("gpu-a", RunKind.INFERENCE, "bert", 32, 5).kwh(), 1e-12);
        AnalysisException e = assertThrows(AnalysisException.class, () -> predictor.predict("gpu-a", RunKind.INFERENCE, "bert", 8, 5));
        assertTrue(e.getMessage().contains("batch size 8") && e.getMessage().contains("gpu-a/inference/bert/batch 32"), e.getMessage());
    }

    /** {@code fit} for another response, kind and batch size, with intercept {@code interceptKwh}. */
    private static RegressionFit copy(RegressionFit fit, String response, String kind, int batchSize, double interceptKwh) {
        Coefficient intercept = fit.coefficient(Coefficient.INTERCEPT);
        return new RegressionFit(fit.predictorSet(), response, fit.hardware(), kind, fit.model(), batchSize, true, fit.predictors(),
                List.of(fit.coefficients().get(0), new Coefficient(Coefficient.INTERCEPT, interceptKwh, intercept.standardError(),
                        intercept.tValue(), intercept.pValue())),
                fit.r2(), fit.rows(), fit.residualStandardErrorKwh(), fit.predictorMeans(), fit.heldOutMapePercent(), fit.folds(),
                fit.sweepIds(), fit.fittedAt());
    }

    @Test
    void predictor_withoutFitForGroup_namesFittedGroups() {
        EnergyPredictor predictor = new EnergyPredictor(List.of(withIntercept(1.0)), 0.95);
        AnalysisException e = assertThrows(AnalysisException.class, () -> predictor.predict("gpu-b", RunKind.INFERENCE, "bert", 1, 10));
        assertTrue(e.getMessage().contains("gpu-a/finetune/bert"), e.getMessage());
    }

    @Test
    void coefficientCountMustMatchPredictors() {
        assertThrows(AnalysisException.class, () -> new RegressionFit("steps", "energy_kwh", "h", "finetune", "bert", 0, true, List.of("steps"),
                List.of(new Coefficient("steps", 1, 1, 1, 1)), 0.5, 3, 1, List.of(1.0), Double.NaN, 0, List.of(), Instant.EPOCH));
    }
}
