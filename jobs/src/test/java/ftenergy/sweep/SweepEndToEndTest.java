package ftenergy.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import ftenergy.analyze.AnalyzeJob;
import ftenergy.analyze.AnalyzeSettings;
import ftenergy.config.AppSettings;
import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.lake.TestSpark;
import ftenergy.plan.SweepPlan;
import ftenergy.plan.SweepPlanner;
import ftenergy.plan.SweepSettings;
import ftenergy.prepare.PrepareJob;
import ftenergy.report.ReportJob;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole sweep on local Spark with real corpora, real tokenization, real DJL training and real
 * Delta tables: pretrain → distill → fine-tune teacher and student × 2 seeds → inference; then a
 * re-submission that must add nothing, and the report.
 */
class SweepEndToEndTest {

    static SparkSession spark;

    @TempDir
    static Path dir;

    static Config config;
    static AppSettings app;
    static SweepSettings sweep;
    static Lakehouse lake;
    static String firstLog;

    @BeforeAll
    static void runSweepOnce() throws Exception {
        spark = TestSpark.session();
        Map<String, String> tiny = new HashMap<>();
        tiny.put("ftenergy.lakehouse", dir.resolve("lakehouse").toString());
        tiny.put("ftenergy.checkpoints", dir.resolve("checkpoints").toString());
        tiny.put("ftenergy.reports", dir.resolve("reports").toString());
        tiny.put("ftenergy.data-dir", System.getProperty("test.data.dir", "../data"));
        tiny.put("ftenergy.sweep.id", "e2e");
        tiny.put("ftenergy.sweep.corpus-max-examples", "200");
        tiny.put("ftenergy.sweep.tokenizer.vocab-size", "2000");
        tiny.put("ftenergy.sweep.teacher.layers", "2");
        tiny.put("ftenergy.sweep.teacher.hidden", "32");
        tiny.put("ftenergy.sweep.teacher.heads", "2");
        tiny.put("ftenergy.sweep.teacher.intermediate", "64");
        tiny.put("ftenergy.sweep.pretrain.steps", "3");
        tiny.put("ftenergy.sweep.pretrain.batch-size", "8");
        tiny.put("ftenergy.sweep.pretrain.max-seq-len", "32");
        tiny.put("ftenergy.sweep.distill.steps", "2");
        tiny.put("ftenergy.sweep.distill.batch-size", "8");
        tiny.put("ftenergy.sweep.distill.max-seq-len", "32");
        tiny.put("ftenergy.sweep.finetune.grid.max-seq-len", "[32]");
        tiny.put("ftenergy.sweep.finetune.grid.batch-size", "[8]");
        tiny.put("ftenergy.sweep.finetune.seeds", "[1, 2]");
        tiny.put("ftenergy.sweep.finetune.max-train-examples", "24");
        tiny.put("ftenergy.sweep.finetune.max-eval-examples", "16");
        tiny.put("ftenergy.sweep.inference.batch-sizes", "[1, 4]");
        tiny.put("ftenergy.sweep.inference.max-examples", "8");
        tiny.put("ftenergy.meter.sample-interval", "200ms");
        // Fine-tunes take 3 steps; a target any evaluation meets stops them at the one after step 2.
        tiny.put("ftenergy.sweep.eval-every-steps", "2");
        tiny.put("ftenergy.sweep.finetune.early-stop.metric", "accuracy");
        tiny.put("ftenergy.sweep.finetune.early-stop.target", "0");
        config = LayeredConfig.load(null, Map.of(), tiny);
        ConfigReader in = new ConfigReader(config);
        app = AppSettings.read(in);
        sweep = SweepSettings.read(in);
        in.finish();
        lake = LakehouseSession.attach(spark, app);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepOutcome outcome = SweepJob.run(lake, config, app, sweep, new PrintStream(log, true));
        firstLog = log.toString();
        assertEquals(0, outcome.failed(), firstLog);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyPlannedRun_hasExactlyOneSucceededRow() {
        SweepPlan plan = SweepPlanner.plan(sweep);
        List<Row> rows = lake.read(LakeTables.RUNS).where(col("status").equalTo("succeeded")).collectAsList();
        assertEquals(plan.runs().size(), rows.size(), firstLog);
        assertEquals(plan.runs().size(), lake.read(LakeTables.RUNS).select("run_id").distinct().count());
    }

    @Test
    void fineTunes_stopAtTheFirstEvaluationMeetingTheirRule() {
        List<Row> finetunes = lake.read(LakeTables.RUNS).where(col("kind").equalTo("finetune")).collectAsList();
        assertTrue(finetunes.size() >= 4, firstLog);
        for (Row run : finetunes) {
            assertEquals("accuracy>=0.0", run.getAs("early_stop"));
            assertEquals(2L, run.<Long>getAs("steps"), run.toString());
            assertTrue(run.<String>getAs("stop_reason").startsWith("accuracy>=0.0 reached at step 2 of 3"), run.toString());
        }
        assertTrue(firstLog.contains("(stopped early: accuracy>=0.0 reached at step 2 of 3"), firstLog);
        assertEquals(0, lake.read(LakeTables.RUNS).where(col("kind").notEqual("finetune").and(col("stop_reason").isNotNull())).count());
    }

    @Test
    void inferenceRuns_areOneBertInferencePartitionAtTheirBatchSize() {
        List<Row> runs = lake.read(LakeTables.RUNS).where(col("kind").equalTo("inference")).orderBy("batch_size", "run_id")
                .collectAsList();
        assertTrue(runs.size() >= 2, firstLog);
        for (Row run : runs) {
            int batchSize = run.<Integer>getAs("batch_size");
            // 8 examples: 8 batches of 1, or 2 batches of 4, each batch a step row; every pass of them, repeated
            // until the batches spanned 10 sample intervals, counts.
            int passes = run.<Integer>getAs("passes");
            assertTrue(passes >= 1, run.toString());
            assertEquals(8L * passes, run.<Long>getAs("examples"), run.toString());
            assertEquals(8L / batchSize * passes, run.<Long>getAs("steps"), run.toString());
            assertTrue(List.of("accuracy", "f1").contains(run.<String>getAs("metric_name")), run.toString());
            assertTrue(run.<Double>getAs("metric_value") >= 0 && run.<Double>getAs("metric_value") <= 1, run.toString());
            assertTrue(run.<Double>getAs("energy_kwh") > 0, run.toString());
            String runId = run.getAs("run_id");
            assertTrue(lake.read(LakeTables.POWER_SAMPLES).where(col("run_id").equalTo(runId)).count() > 0, runId);
            assertEquals(1, lake.read(LakeTables.EVALS).where(col("run_id").equalTo(runId)).count(), runId);
        }
    }

    @Test
    void stepRows_matchEachRunsStepCountAndTokens() {
        List<Row> mismatches = spark.sql("""
                SELECT r.run_id, r.steps, r.tokens_padded, count(s.step) AS n, sum(s.tokens_padded) AS padded
                FROM runs r LEFT JOIN steps s ON r.run_id = s.run_id AND r.attempt = s.attempt
                GROUP BY r.run_id, r.steps, r.tokens_padded
                HAVING n != r.steps OR padded != r.tokens_padded""").collectAsList();
        assertTrue(mismatches.isEmpty(), mismatches.toString());
    }

    @Test
    void sweepsTable_recordsTheSubmissionFromStartToEnd() {
        int planned = SweepPlanner.plan(sweep).runs().size();
        List<Row> first = lake.read(LakeTables.SWEEPS).where(col("sweep_id").equalTo("e2e").and(col("already_done").equalTo(0)))
                .collectAsList();
        assertEquals(1, first.size(), first.toString());
        Row row = first.get(0);
        assertEquals(planned, row.<Integer>getAs("planned"));
        assertEquals(planned, row.<Integer>getAs("succeeded"));
        assertEquals(0, row.<Integer>getAs("failed"));
        assertTrue(row.getList(row.fieldIndex("not_launched")).isEmpty());
        assertTrue(row.<java.sql.Timestamp>getAs("ended_at").after(row.getAs("started_at")));
        // Spent as the submission knew it: nothing before it, then every attempt it recorded.
        double recorded = lake.read(LakeTables.RUNS).where(col("sweep_id").equalTo("e2e")).agg(sum("energy_kwh")).first().getDouble(0);
        assertTrue(recorded > 0);
        assertEquals(recorded, row.<Double>getAs("spent_kwh"), recorded * 1e-9);
        assertEquals(false, row.<Boolean>getAs("budget_spent"));
        assertTrue(row.isNullAt(row.fieldIndex("budget_kwh")));
        assertTrue(row.<String>getAs("master").startsWith("local"), row.toString());
    }

    @Test
    void runRows_carryEnergyWithItsProvenance() {
        Row row = lake.read(LakeTables.RUNS).where(col("kind").equalTo("finetune")).first();
        assertTrue(row.<Double>getAs("energy_kwh") > 0, "energy measured or estimated");
        assertTrue(List.of("measured-rapl", "estimated-tdp").contains(row.<String>getAs("cpu_source")), String.valueOf(row.<String>getAs("cpu_source")));
        assertTrue(row.<Double>getAs("co2_kg") > 0);
        assertTrue(lake.read(LakeTables.POWER_SAMPLES).count() > 0);
        assertTrue(lake.read(LakeTables.EVALS).count() > 0);
    }

    @Test
    void trainingRunRows_sayHowMuchWasSetupAndOnHowManyThreads() {
        List<Row> runs = lake.read(LakeTables.RUNS).where(col("kind").notEqual("inference")).collectAsList();
        assertFalse(runs.isEmpty());
        for (Row run : runs) {
            // Loading the model and data before the training loop: its own window, part of the run's.
            double setup = run.<Double>getAs("energy_setup_kwh");
            assertTrue(setup > 0 && setup < run.<Double>getAs("energy_kwh"), run.toString());
            // Local mode: the driver JVM's PyTorch pool, never left unrecorded.
            assertTrue(run.<Integer>getAs("cpu_threads") >= 1, run.toString());
        }
    }

    @Test
    void runTables_areCompactedAfterTheSweep() {
        assertTrue(firstLog.contains("sweep: compacted the run tables' files (runs "), firstLog);
        for (var table : List.of(LakeTables.RUNS, LakeTables.STEPS, LakeTables.POWER_SAMPLES, LakeTables.EVALS)) {
            long files = lake.delta(table).detail().first().<Long>getAs("numFiles");
            assertTrue(files <= 2, table.name() + " has " + files + " data files after the sweep: compacted into one,"
                    + " or one more from a later submission of this class's tests");
        }
    }

    @Test
    void resubmission_addsNothing() throws Exception {
        long runs = lake.read(LakeTables.RUNS).count();
        long steps = lake.read(LakeTables.STEPS).count();
        SweepOutcome again = SweepJob.run(lake, config, app, sweep, new PrintStream(new ByteArrayOutputStream(), true));
        assertEquals(SweepPlanner.plan(sweep).runs().size(), again.skippedAlreadyDone());
        assertEquals(1, lake.read(LakeTables.SWEEPS).where(col("already_done").equalTo(again.skippedAlreadyDone())
                .and(col("succeeded").equalTo(0)).and(col("ended_at").isNotNull())).count());
        assertEquals(0, again.succeeded());
        // Each submission claimed the sweep anew: the next claim is the third.
        assertEquals(3, new LakeWriter(lake).claim(sweep.id()).generation());
        assertEquals(runs, lake.read(LakeTables.RUNS).count());
        assertEquals(steps, lake.read(LakeTables.STEPS).count());
    }

    @Test
    void prepareAgain_leavesPreparedTasksAloneAndPrintsTheirTable() {
        long version = lake.delta(LakeTables.EXAMPLES).history(1).first().getLong(0);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrepareJob.run(lake, app, sweep, false, new PrintStream(printed, true));
        String out = printed.toString();
        assertEquals(version, lake.delta(LakeTables.EXAMPLES).history(1).first().getLong(0), "nothing rewritten");
        assertTrue(out.contains("already tokenized") && !out.contains("examples/s"), out);
        for (String task : sweep.finetune().tasks()) {
            assertTrue(out.contains("\n" + task + " "), "Table 1 lists " + task + ":\n" + out);
        }
    }

    @Test
    void prepareAgainWithForce_rewritesExamplesWithoutDuplicates() {
        long before = lake.read(LakeTables.EXAMPLES).count();
        PrepareJob.run(lake, app, sweep, true, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(before, lake.read(LakeTables.EXAMPLES).count());
        assertEquals(before, lake.read(LakeTables.EXAMPLES).select("task", "split", "example_id").distinct().count());
    }

    @Test
    void report_isWrittenFromTheRealSweep() throws Exception {
        AnalyzeJob.run(spark, app.lakehouse(), new AnalyzeSettings(List.of("e2e"), 3, 2, List.of(0L)));
        Path html = ReportJob.run(spark, app.lakehouse(), app.reports());
        String text = Files.readString(html);
        assertTrue(text.contains("<html") && text.length() > 10_000, "a self-contained report with inlined figures");
    }
}
