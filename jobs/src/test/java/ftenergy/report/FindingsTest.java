package ftenergy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.amortization.AmortizationRow;
import ftenergy.stats.Coefficient;
import ftenergy.stats.EnergyRate;
import ftenergy.stats.RegressionFit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each claim reads holds, does not hold or cannot decide from the analyses' rows alone. */
class FindingsTest {

    private static RegressionFit fit(String response, String predictor, String model, double r2) {
        return new RegressionFit(predictor, response, "gpu", "finetune", model, 0, true, List.of(predictor),
                List.of(new Coefficient(predictor, 1e-9, 1e-11, 100, 0), new Coefficient(Coefficient.INTERCEPT, 1e-3, 1e-4, 10, 0)),
                r2, 12, 1e-4, List.of(1e6), 5.0, 12, List.of("s"), Instant.EPOCH);
    }

    private static EnergyRate rate(String kind, String task, int batch, double jStep, double jExample, double jToken) {
        return new EnergyRate("gpu", kind, "bert", task, batch, 3, 0.01, 0.1, jStep, 0.1, jToken, 0.1, jToken, jExample, 0.1, 100,
                List.of("s"));
    }

    private static AmortizationRow amortization(String task, long k, int batch, double teacherKwh, double studentKwh, double nStar,
            boolean sameHardware) {
        boolean amortizes = !Double.isNaN(nStar);
        return new AmortizationRow("P", "D", "gpu", task, k, batch, "bert", "distil", 50, sameHardware ? "gpu" : "tpu", 20, "gpu",
                sameHardware, 40, 3, teacherKwh, 0.1, 3, studentKwh, 0.1, 100 * (teacherKwh - studentKwh) / teacherKwh, 50 / teacherKwh,
                k == 0 ? Double.NaN : 30, k == 0 ? Double.NaN : 10, teacherKwh, studentKwh, nStar, amortizes,
                amortizes ? "after " + nStar + " models" : "never", Double.NaN, 0.5, List.of("s"));
    }

    @Test
    void linearInTokens_holdsWhenEveryGroupFitsWell_andSaysWhichResponse() {
        Claim good = Findings.linearInTokens(List.of(fit("energy_kwh", "tokens_padded", "bert", 0.97),
                fit("energy_steps_kwh", "tokens_padded", "bert", 0.99), fit("energy_kwh", "tokens_padded", "distil", 0.93)));
        assertEquals(Verdict.HOLDS, good.verdict());
        assertTrue(good.evidence().contains("gpu · bert: R² 0.97 (12 runs), training loop alone 0.99"), good.evidence());
        Claim poor = Findings.linearInTokens(List.of(fit("energy_kwh", "tokens_padded", "bert", 0.97),
                fit("energy_kwh", "tokens_padded", "distil", 0.6)));
        assertEquals(Verdict.DOES_NOT_HOLD, poor.verdict());
        assertTrue(poor.evidence().contains("gpu · distil: R² 0.6"), poor.evidence());
        assertEquals(Verdict.CANNOT_DECIDE, Findings.linearInTokens(List.of()).verdict());
    }

    @Test
    void timePredicts_comparesTimeWithTokensStepsAndExamples() {
        List<RegressionFit> fits = List.of(fit("energy_kwh", "duration_s", "bert", 0.95), fit("energy_kwh", "tokens_padded", "bert", 0.97),
                fit("energy_kwh", "steps", "bert", 0.4), fit("energy_kwh", "examples", "bert", 0.3));
        Claim claim = Findings.timePredicts(fits);
        assertEquals(Verdict.HOLDS, claim.verdict());
        assertEquals("gpu · bert: R² time 0.95, tokens 0.97, steps 0.4, examples 0.3", claim.evidence());
        assertEquals(Verdict.DOES_NOT_HOLD, Findings.timePredicts(List.of(fit("energy_kwh", "duration_s", "bert", 0.5))).verdict());
    }

    @Test
    void costPerStep_needsTwoTasksOfOneBatchSize() {
        // A padded token costs 1 mJ in both tasks; a step and an example do not.
        List<EnergyRate> agree = List.of(rate("finetune", "sst2", 32, 0.8, 0.025, 1e-3), rate("finetune", "rte", 32, 4.0, 0.125, 1.05e-3));
        assertEquals(Verdict.HOLDS, Findings.costPerStepVariesByTask(agree).verdict());
        List<EnergyRate> disagree = List.of(rate("finetune", "sst2", 32, 0.8, 0.025, 1e-3), rate("finetune", "rte", 32, 0.8, 0.03, 3e-3));
        assertEquals(Verdict.DOES_NOT_HOLD, Findings.costPerStepVariesByTask(disagree).verdict());
        // Two tasks, but at different batch sizes: never pooled, so no group has two tasks.
        List<EnergyRate> apart = List.of(rate("finetune", "sst2", 32, 0.8, 0.025, 1e-3), rate("finetune", "rte", 8, 4.0, 0.125, 1e-3));
        Claim undecided = Findings.costPerStepVariesByTask(apart);
        assertEquals(Verdict.CANNOT_DECIDE, undecided.verdict());
        assertTrue(undecided.evidence().contains("two tasks or more"), undecided.evidence());
    }

    @Test
    void inferenceSpread_usesBatchOneAndSaysSoOtherwise() {
        List<TaskCost> costs = List.of(new TaskCost("finetune", "gpu", "bert", "sst2", 3, 1.0, 0, 0.4, 100),
                new TaskCost("finetune", "gpu", "bert", "rte", 3, 0.05, 0, 0.02, 10));
        List<EnergyRate> rates = new ArrayList<>(List.of(rate("inference", "sst2", 1, 3, 3.0, 0.1), rate("inference", "rte", 1, 4, 4.0, 0.1),
                // At batch 32 the tasks differ wildly; it must not enter.
                rate("inference", "sst2", 32, 3, 0.1, 0.1), rate("inference", "rte", 32, 3, 9.0, 0.1)));
        List<InferenceSpread> spreads = InferenceSpread.of(rates, costs);
        assertEquals(1, spreads.get(0).batchSize());
        Claim claim = Findings.inferenceSpreadsLess(spreads);
        assertEquals(Verdict.HOLDS, claim.verdict(), claim.evidence());
        rates.removeIf(r -> r.batchSize() == 1);
        Claim at32 = Findings.inferenceSpreadsLess(InferenceSpread.of(rates, costs));
        assertEquals(Verdict.DOES_NOT_HOLD, at32.verdict(), at32.evidence());
        assertTrue(at32.evidence().contains("inference at batch 32 (no batch-1 runs)"), at32.evidence());
        assertEquals(Verdict.CANNOT_DECIDE, Findings.inferenceSpreadsLess(InferenceSpread.of(rates.subList(0, 1), costs)).verdict());
    }

    @Test
    void distillation_premiumAndBreakEven_readFromFineTuningOnlyRows() {
        List<AmortizationRow> rows = List.of(amortization("sst2", 0, 0, 0.32, 0.20, 166.7, true),
                amortization("sst2", 100_000, 1, 2.82, 1.03, 11.2, true), amortization("sst2", 100_000, 16, 1.32, 0.7, 32.3, true),
                amortization("rte", 0, 0, 0.10, 0.12, Double.NaN, false));
        Claim premium = Findings.distillationPremium(rows);
        assertEquals(Verdict.DOES_NOT_HOLD, premium.verdict(), "the rte student costs more");
        assertTrue(premium.evidence().contains("rte on gpu: distillation 40% of pre-training, student fine-tunes -20% cheaper"
                + " (pre-training measured on tpu, distillation on gpu, not gpu)"), premium.evidence());
        Claim breakEven = Findings.amortizes(rows);
        assertEquals(Verdict.DOES_NOT_HOLD, breakEven.verdict());
        assertTrue(breakEven.evidence().contains("sst2 on gpu: N* 167, with 100,000 inferences per model at batch 1 11.2"),
                breakEven.evidence());
        assertTrue(!breakEven.evidence().contains("at batch 16"), "inferences counted at batch 1 only: " + breakEven.evidence());
        assertTrue(breakEven.evidence().contains("rte on gpu: N* never (student not cheaper)"), breakEven.evidence());
        Claim sst2Only = Findings.amortizes(rows.subList(0, 3));
        assertEquals(Verdict.HOLDS, sst2Only.verdict());
        assertEquals(Verdict.HOLDS, Findings.pretrainingEquivalence(rows).verdict());
        assertEquals(Verdict.CANNOT_DECIDE, Findings.distillationPremium(List.of()).verdict());
    }
}
