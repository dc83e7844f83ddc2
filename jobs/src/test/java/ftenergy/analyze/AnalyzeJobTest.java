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
    void trainingLoopFit_standsBesideTheWholeRunFit_withoutTheFixedCost() {
        for (SyntheticLakehouse.Truth truth : SyntheticLakehouse.TRUTHS) {
            RegressionFit whole = find(sweep.regressions().fits(), "energy_kwh", "tokens_padded", truth, true);
            RegressionFit loop = find(sweep.regressions().fits(), "energy_steps_kwh", "tokens_padded", truth, true);
            assertTrue(loop.equation().startsWith("energy_steps_kwh = "), loop.equation());
            // The synthetic runs spend the intercept on setup: the loop's line keeps the slope and loses the intercept.
            assertEquals(truth.slopeKwhPerToken(), loop.coefficient("tokens_padded").estimate(), 0.05 * truth.slopeKwhPerToken());
            assertTrue(Math.abs(loop.intercept()) < 4 * loop.coefficient("intercept").standardError(), loop.describe());
            assertTrue(whole.intercept() > loop.intercept(), whole.describe() + " vs " + loop.describe());
        }
    }

    @Test
    void inferenceFits_arePerBatchSize_trainingFitsPoolThem() {
        List<RegressionFit> inference = sweep.regressions().fits().stream().filter(f -> f.kind().equals("inference")).toList();
        assertFalse(inference.isEmpty(), "six inference runs per model at batch size 1 are fitted");
        assertTrue(inference.stream().allMatch(f -> f.batchSize() == 1), inference.toString());
        assertTrue(sweep.regressions().fits().stream().filter(f -> f.kind().equals("finetune")).allMatch(f -> f.batchSize() == 0));
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
        assertEquals(sweep.regressions().fits().stream().filter(f -> f.response().equals("energy_steps_kwh")).count(),
                stored.stream().filter(f -> f.response().equals("energy_steps_kwh")).count(), "response is part of the key");
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
        EnergyPrediction p = predictor.predict(truth.hardware(), RunKind.FINETUNE, truth.model(), 32, tokens);
        double expected = truth.interceptKwh() + truth.slopeKwhPerToken() * tokens;
        assertTrue(p.lowKwh() < expected && expected < p.highKwh(), p + " vs " + expected);
        assertFalse(predictor.supports(truth.hardware(), RunKind.PRETRAIN, truth.model(), 0), "one pre-training run is too few to fit");
    }

    @Test
    void energyRates_givePerStepAndPerTokenJoules() {
        EnergyRate rate = sweep.rates().stream().filter(r -> r.kind().equals("inference") && r.task().equals("sst2")
                && r.model().equals(SyntheticLakehouse.TEACHER) && r.batchSize() == 1).findFirst().orElseThrow();
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
        assertEquals(0, sst2.inferenceBatchSize(), "no inference counted");
        assertTrue(Double.isNaN(sst2.teacherInferenceJoulesPerExample()), "no inference counted");
        assertTrue(sst2.sameHardware());
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
        assertEquals(16, rteWithInference.inferenceBatchSize());
        assertEquals(72.0, rteWithInference.teacherInferenceJoulesPerExample(), 1e-9);
        assertEquals(20.0 / 0.98, rteWithInference.nStar(), 1e-9);
        assertTrue(rteWithInference.amortizes(), "cheaper student inference pays back a dearer student fine-tuning");

        // Spread across tasks on the teacher side: inference 36 and 72 J/example, fine-tuning 0.32 and 0.10 kWh.
        assertEquals(Math.sqrt(2 * 18.0 * 18.0) / 54.0, find(rows, "P", "sst2", 100_000).inferenceCvAcrossTasks(), 1e-9);
        assertTrue(Double.isNaN(sst2.inferenceCvAcrossTasks()), "no inference counted at k = 0");
        assertEquals(Math.sqrt(2 * 0.11 * 0.11) / 0.21, sst2.finetuneCvAcrossTasks(), 1e-9);

        AmortizationRow alone = find(rows, "P2", "qa", 0);
        assertNull(alone.distillRunId());
        assertEquals("no distillation", alone.verdict());
        assertEquals(20.0, alone.pretrainEquivalence(), 1e-9);
        assertEquals(rows.size(), new Lakehouse(spark, lake).read(AnalysisTables.AMORTIZATION).count());
    }

    @Test
    void amortization_neverMixesInferenceBatchSizes() {
        String lake = dir.resolve("distill-batches").toString();
        // Beside the batch-16 inference runs (teacher 36 J/example on sst2, student 18), batch 1 runs cost
        // teacher 90 J and student 30 J per example, and a teacher-only batch 4 run has no student to compare.
        writeDistillationLake(lake, runs -> {
            List<RunRow> all = new java.util.ArrayList<>(runs);
            all.add(RunRow.of("it1-b1", "inference").from("t1").set("batch_size", 1).set("examples", 100L).energy(0.0025));
            all.add(RunRow.of("is1-b1", "inference").from("s1").set("model", "distil-mini").set("batch_size", 1)
                    .set("examples", 100L).energy(30.0 * 100 / 3.6e6));
            all.add(RunRow.of("it1-b4", "inference").from("t1").set("batch_size", 4).set("examples", 100L).energy(0.004));
            return all;
        });
        List<AmortizationRow> rows = AmortizationJob.run(spark, lake, new AmortizationSettings(List.of(100_000L), List.of()));
        List<AmortizationRow> sst2 = rows.stream().filter(r -> r.task().equals("sst2") && r.inferencesPerModel() == 100_000).toList();
        assertEquals(List.of(1, 16), sst2.stream().map(AmortizationRow::inferenceBatchSize).sorted().toList(),
                "one row per batch size with both sides measured; batch 4 has no student");
        AmortizationRow batch1 = sst2.stream().filter(r -> r.inferenceBatchSize() == 1).findFirst().orElseThrow();
        AmortizationRow batch16 = sst2.stream().filter(r -> r.inferenceBatchSize() == 16).findFirst().orElseThrow();
        assertEquals(90.0, batch1.teacherInferenceJoulesPerExample(), 1e-9);
        assertEquals(30.0, batch1.studentInferenceJoulesPerExample(), 1e-9);
        assertEquals(36.0, batch16.teacherInferenceJoulesPerExample(), 1e-9, "batch 1 and 4 runs are not averaged in");
        assertEquals(18.0, batch16.studentInferenceJoulesPerExample(), 1e-9);
        // Per model at batch 1: teacher 0.32 + 2.5 kWh, student 0.20 + 0.8333 kWh; the distillation costs 20 kWh.
        assertEquals(20.0 / (0.32 + 2.5 - 0.20 - 100_000 * 30.0 / 3.6e6), batch1.nStar(), 1e-9);
        assertEquals(20.0 / 0.62, batch16.nStar(), 1e-9);
        assertEquals(1, rows.stream().filter(r -> r.task().equals("sst2") && r.inferencesPerModel() == 0).count(),
                "one fine-tuning-only row, whatever the inference batch sizes");
        List<Row> stored = new Lakehouse(spark, lake).read(AnalysisTables.AMORTIZATION)
                .where("task = 'sst2' AND inferences_per_model = 100000").orderBy("inference_batch_size").collectAsList();
        assertEquals(List.of(1, 16), stored.stream().map(r -> r.<Integer>getAs("inference_batch_size")).toList());
    }

    @Test
    void amortization_flagsAPretrainingMeasuredOnOtherHardware() {
        String lake = dir.resolve("distill-elsewhere").toString();
        writeDistillationLake(lake, runs -> runs.stream()
                .map(r -> r.get("run_id").equals("P") ? r.gpu("Synthetic GPU Z") : r).toList());
        List<AmortizationRow> rows = AmortizationJob.run(spark, lake, new AmortizationSettings(List.of(100_000L), List.of()));
        AmortizationRow sst2 = find(rows, "P", "sst2", 0);
        assertEquals("Synthetic CPU B", sst2.hardware());
        assertEquals("Synthetic GPU Z", sst2.pretrainHardware());
        assertEquals("Synthetic CPU B", sst2.distillHardware());
        assertFalse(sst2.sameHardware(), "pre-training on a GPU, fine-tunes on a CPU");
        assertEquals(156.25, sst2.pretrainEquivalence(), 1e-9, "still divided as measured, and flagged");
        assertTrue(find(rows, "P2", "qa", 0).sameHardware());
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
        return find(fits, "energy_kwh", set, truth, intercept);
    }

    static RegressionFit find(List<RegressionFit> fits, String response, String set, SyntheticLakehouse.Truth truth,
            boolean intercept) {
        return fits.stream().filter(f -> f.response().equals(response) && f.predictorSet().equals(set)
                        && f.hardware().equals(truth.hardware()) && f.model().equals(truth.model()) && f.kind().equals("finetune")
                        && f.withIntercept() == intercept)
                .findFirst().orElseThrow(() -> new AssertionError("no " + response + " ~ " + set + " fit for " + truth));
    }
}
