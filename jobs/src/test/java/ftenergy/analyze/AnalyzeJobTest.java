package ftenergy.analyze;

import ftenergy.stats.EnergyRate;

import ftenergy.amortization.AmortizationRow;

import ftenergy.lake.AnalysisTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.stats.EnergyPrediction;
import ftenergy.stats.EnergyPredictor;
import ftenergy.stats.RegressionFit;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.TestSpark;
import ftenergy.run.RunKind;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeJobTest {

    static SparkSession spark;
    static AnalysisResult sweep;

    @TempDir
    static Path dir;

    @BeforeAll
    static void analyzeSyntheticSweep() {
        spark = TestSpark.session();
        SyntheticLakehouse.write(spark, sweepLake(), 42L);
        long start = System.nanoTime();
        sweep = AnalyzeJob.run(spark, sweepLake(), AnalyzeSettings.defaults());
        System.out.printf("analysis: %d fits in %.1f s%n", sweep.regressions().fits().size(), (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    static String sweepLake() {
        return dir.resolve("sweep").toString();
    }

    @Test
    void tokensFit_recoversKnownCoefficientsPerHardwareAndModel() {
        for (SyntheticLakehouse.Truth truth : SyntheticLakehouse.TRUTHS) {
            RegressionFit fit = find(sweep.regressions().fits(), "tokens_padded", truth, true);
            double slope = fit.coefficient("tokens_padded").estimate();
            double slopeError = fit.coefficient("tokens_padded").standardError();
            System.out.println(fit.describe());
            assertEquals(24, fit.rows(), "the diverged run and the superseded failed attempt are excluded");
            assertTrue(Math.abs(slope - truth.slopeKwhPerToken()) < 4 * slopeError, fit.describe());
            assertTrue(Math.abs(slope / truth.slopeKwhPerToken() - 1) < 0.05, fit.describe());
            assertTrue(fit.coefficient("tokens_padded").pValue() < 1e-6, fit.describe());
            assertTrue(fit.r2() > 0.95, fit.describe());
            assertTrue(fit.heldOutMapePercent() < 15, fit.describe());
            assertEquals(List.of(SyntheticLakehouse.SWEEP), fit.sweepIds());
        }
    }

    @Test
    void paddedTokens_predictBetterThanStepsOrExamples() {
        SyntheticLakehouse.Truth truth = SyntheticLakehouse.TRUTHS.get(0);
        double tokens = find(sweep.regressions().fits(), "tokens_padded", truth, true).r2();
        assertTrue(tokens > find(sweep.regressions().fits(), "steps", truth, true).r2());
        assertTrue(tokens > find(sweep.regressions().fits(), "examples", truth, true).r2());
    }

    @Test
    void regressionsTable_holdsOneRowPerKeyAfterRerun() {
        RegressionJob.run(spark, sweepLake(), RegressionSettings.defaults());
        List<RegressionFit> stored = RegressionTable.read(spark, sweepLake(), "*");
        assertEquals(sweep.regressions().fits().size(), stored.size());
        RegressionFit fit = find(stored, "tokens_padded+duration_s+steps", SyntheticLakehouse.TRUTHS.get(0), true);
        assertEquals(4, fit.coefficients().size());
        assertEquals(fit.predictorMeans().size(), 3);
    }

    @Test
    void analysesOfDifferentSweeps_standSideBySide() {
        Lakehouse lake = new Lakehouse(spark, sweepLake());
        long everySweep = lake.read(AnalysisTables.REGRESSIONS).where("sweep_id = '*'").count();
        AnalysisResult one = AnalyzeJob.run(spark, sweepLake(), new AnalyzeSettings(List.of(SyntheticLakehouse.SWEEP), 5, 4,
                List.of(0L, 10_000L, 1_000_000L)));
        for (var table : AnalysisTables.all()) {
            long all = lake.read(table).where("sweep_id = '*'").count();
            long only = lake.read(table).where("sweep_id = '" + SyntheticLakehouse.SWEEP + "'").count();
            assertTrue(all > 0 && only > 0, table.name() + ": " + all + " rows of every sweep, " + only + " of one");
            assertEquals(all, only, table.name() + ": the same groups, each analysis keeping its own rows");
        }
        assertEquals(everySweep, lake.read(AnalysisTables.REGRESSIONS).where("sweep_id = '*'").count(),
                "analysing one sweep left the analysis of every sweep alone");
        assertEquals(sweep.regressions().fits().size(), one.regressions().fits().size());
    }

    @Test
    void predictor_fromTable_coversPlannedRunWithInterval() {
        EnergyPredictor predictor = EnergyPredictors.load(spark, sweepLake(), 0.95);
        SyntheticLakehouse.Truth truth = SyntheticLakehouse.TRUTHS.get(0);
        long tokens = 5_000_000L;
        EnergyPrediction p = predictor.predict(truth.hardware(), RunKind.FINETUNE, truth.model(), tokens);
        double expected = truth.interceptKwh() + truth.slopeKwhPerToken() * tokens;
        assertTrue(p.lowKwh() < expected && expected < p.highKwh(), p + " vs " + expected);
        assertFalse(predictor.supports(truth.hardware(), RunKind.PRETRAIN, truth.model()), "one pre-training run is too few to fit");
    }

    @Test
    void energyRates_givePerStepAndPerTokenJoules() {
        EnergyRate rate = sweep.rates().stream().filter(r -> r.kind().equals("inference") && r.task().equals("sst2")
                && r.model().equals(SyntheticLakehouse.TEACHER)).findFirst().orElseThrow();
        // Synthetic inference energy is slope/3 per token (±2% noise): 2e-9/3 kWh = 2.4 mJ per token.
        assertEquals(2.0e-9 / 3 * 3.6e6, rate.joulesPerPaddedTokenMean(), 0.05 * 2.4e-3);
        assertEquals(3, rate.runs());
        assertEquals(rate.joulesPerPaddedTokenMean() * 24, rate.joulesPerStepMean(), 0.02 * rate.joulesPerStepMean(),
                "one example of 24 tokens per step");
    }

    @Test
    void amortization_handComputed() {
        String lake = dir.resolve("distill").toString();
        writeDistillationLake(lake);
        List<AmortizationRow> rows = AmortizationJob.run(spark, lake, new AmortizationSettings(List.of(100_000L), List.of()));
        assertEquals(5, rows.size(), rows.toString());

        AmortizationRow sst2 = find(rows, "P", "sst2", 0);
        assertEquals(3, sst2.teacherFinetuneRuns(), "attempt 2 replaces failed attempt 1");
        assertEquals(0.32, sst2.teacherFinetuneKwh(), 1e-12);
        assertEquals(0.20, sst2.studentFinetuneKwh(), 1e-12);
        assertEquals(156.25, sst2.pretrainEquivalence(), 1e-9);
        assertEquals(40.0, sst2.distillOverheadPercent(), 1e-9);
        assertEquals(37.5, sst2.finetuneSavingPercent(), 1e-9);
        assertEquals(20.0 / 0.12, sst2.nStar(), 1e-9);
        assertTrue(sst2.amortizes());

        AmortizationRow rte = find(rows, "P", "rte", 0);
        assertEquals(500.0, rte.pretrainEquivalence(), 1e-9);
        assertEquals(-20.0, rte.finetuneSavingPercent(), 1e-9);
        assertTrue(Double.isNaN(rte.nStar()));
        assertFalse(rte.amortizes());
        assertEquals("never", rte.verdict());

        // With 100,000 inferences per model: sst2 1.32 vs 0.70 kWh, rte 2.10 vs 1.12 kWh.
        assertEquals(20.0 / 0.62, find(rows, "P", "sst2", 100_000).nStar(), 1e-9);
        AmortizationRow rteWithInference = find(rows, "P", "rte", 100_000);
        assertEquals(72.0, rteWithInference.teacherInferenceJoulesPerExample(), 1e-9);
        assertEquals(20.0 / 0.98, rteWithInference.nStar(), 1e-9);
        assertTrue(rteWithInference.amortizes(), "cheaper student inference pays back a dearer student fine-tuning");

        // Spread across tasks on the teacher side: inference 36 and 72 J/example, fine-tuning 0.32 and 0.10 kWh.
        assertEquals(Math.sqrt(2 * 18.0 * 18.0) / 54.0, sst2.inferenceCvAcrossTasks(), 1e-9);
        assertEquals(Math.sqrt(2 * 0.11 * 0.11) / 0.21, sst2.finetuneCvAcrossTasks(), 1e-9);

        AmortizationRow alone = find(rows, "P2", "qa", 0);
        assertNull(alone.distillRunId());
        assertEquals("no distillation", alone.verdict());
        assertEquals(20.0, alone.pretrainEquivalence(), 1e-9);
        assertEquals(rows.size(), new Lakehouse(spark, lake).read(AnalysisTables.AMORTIZATION).count());
    }

    @Test
    void amortization_inferencePerExample_leavesModelLoadingOut() {
        String lake = dir.resolve("distill-setup").toString();
        // it1's run (0.001 kWh = 3600 J over 100 examples) spent half its window loading the model.
        writeDistillationLake(lake, runs -> runs.stream()
                .map(r -> r.get("run_id").equals("it1") ? r.set("energy_setup_kwh", 0.0005) : r).toList());
        List<AmortizationRow> rows = AmortizationJob.run(spark, lake, new AmortizationSettings(List.of(100_000L), List.of()));
        AmortizationRow sst2 = find(rows, "P", "sst2", 100_000);
        assertEquals(18.0, sst2.teacherInferenceJoulesPerExample(), 1e-9, "(3600 - 1800) J over 100 examples");
        assertEquals(18.0, sst2.studentInferenceJoulesPerExample(), 1e-9, "is1 has no setup energy: its 1800 J / 100");
        assertEquals(72.0, find(rows, "P", "rte", 100_000).teacherInferenceJoulesPerExample(), 1e-9);
    }

    @Test
    void amortization_readsALakehouseWrittenBeforeTheSetupColumn() {
        String root = dir.resolve("distill-old").toString();
        Dataset<Row> runs = spark.createDataFrame(distillationRuns().stream().map(RunRow::toRow).toList(),
                LakeTables.RUNS.schema()).drop("energy_setup_kwh");
        runs.write().format("delta").save(new Lakehouse(spark, root).path(LakeTables.RUNS));
        List<AmortizationRow> rows = AmortizationJob.run(spark, root, new AmortizationSettings(List.of(100_000L), List.of()));
        assertEquals(36.0, find(rows, "P", "sst2", 100_000).teacherInferenceJoulesPerExample(), 1e-9);
    }

    /**
     * P (50 kWh) distilled into D (20 kWh). Teacher fine-tunes: sst2 0.30, 0.34, 0.32 (after a failed
     * attempt at 99 kWh), rte 0.10; student: sst2 0.20, 0.20, rte 0.12. Inference over 100 examples:
     * teacher 36 (sst2) and 72 (rte) J/example, student half that. P2 (10 kWh) has one qa
     * fine-tune of 0.5 kWh and no distillation; one unrelated fine-tune is unattributed.
     */
    static void writeDistillationLake(String root) {
        writeDistillationLake(root, runs -> runs);
    }

    static void writeDistillationLake(String root, UnaryOperator<List<RunRow>> edit) {
        List<RunRow> runs = edit.apply(distillationRuns());
        Lakehouse lake = new Lakehouse(spark, root);
        lake.create(LakeTables.RUNS);
        new LakeWriter(lake).append(LakeTables.RUNS,
                spark.createDataFrame(runs.stream().map(RunRow::toRow).toList(), LakeTables.RUNS.schema()));
    }

    private static List<RunRow> distillationRuns() {
        return List.of(
                RunRow.of("P", "pretrain").set("task", "corpus").energy(50.0),
                RunRow.of("D", "distill").from("P").set("model", "distil-mini").set("task", "corpus").energy(20.0),
                RunRow.of("t1", "finetune").from("P").energy(0.30),
                RunRow.of("t2", "finetune").from("P").energy(0.34),
                RunRow.of("t3", "finetune").from("P").set("status", "failed").energy(99.0),
                RunRow.of("t3", "finetune").from("P").set("attempt", 2).energy(0.32),
                RunRow.of("t4", "finetune").from("P").set("task", "rte").energy(0.10),
                RunRow.of("s1", "finetune").from("D").set("model", "distil-mini").energy(0.20),
                RunRow.of("s2", "finetune").from("D").set("model", "distil-mini").energy(0.20),
                RunRow.of("s3", "finetune").from("D").set("model", "distil-mini").set("task", "rte").energy(0.12),
                RunRow.of("it1", "inference").from("t1").set("examples", 100L).energy(0.001),
                RunRow.of("it4", "inference").from("t4").set("task", "rte").set("examples", 100L).energy(0.002),
                RunRow.of("is1", "inference").from("s1").set("model", "distil-mini").set("examples", 100L).energy(0.0005),
                RunRow.of("is3", "inference").from("s3").set("model", "distil-mini").set("task", "rte").set("examples", 100L)
                        .energy(0.001),
                RunRow.of("P2", "pretrain").set("task", "corpus").set("model", "bert-other").energy(10.0),
                RunRow.of("q1", "finetune").from("P2").set("model", "bert-other").set("task", "qa").energy(0.5),
                RunRow.of("x1", "finetune").set("model", "roberta").energy(7.0));
    }

    static AmortizationRow find(List<AmortizationRow> rows, String pretrain, String task, long inferences) {
        return rows.stream().filter(r -> r.pretrainRunId().equals(pretrain) && r.task().equals(task)
                && r.inferencesPerModel() == inferences).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + pretrain + "/" + task + "/" + inferences + " in " + rows));
    }

    static RegressionFit find(List<RegressionFit> fits, String set, SyntheticLakehouse.Truth truth, boolean intercept) {
        return fits.stream().filter(f -> f.predictorSet().equals(set) && f.hardware().equals(truth.hardware())
                        && f.model().equals(truth.model()) && f.kind().equals("finetune") && f.withIntercept() == intercept)
                .findFirst().orElseThrow(() -> new AssertionError("no " + set + " fit for " + truth));
    }
}
