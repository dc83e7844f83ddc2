package ftenergy.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.config.AppSettings;
import ftenergy.run.AttemptResult;
import ftenergy.sweep.SweepState;
import ftenergy.sweep.SweepStateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LakehouseTest {

    static SparkSession spark;

    /** One lakehouse for the tests that can share it (each uses its own run ids): creating eight tables per test is slow. */
    static Lakehouse shared;

    @TempDir
    static Path sharedDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
        shared = LakehouseSession.attach(spark, TestSpark.settings(sharedDir));
    }

    private static long rows(LakeTable table, String runIdPrefix) {
        return shared.read(table).where(org.apache.spark.sql.functions.col("run_id").startsWith(runIdPrefix)).count();
    }

    /** Rows of the run ids starting with {@code prefix} in runs, steps, power_samples and evals. */
    private static void assertRows(String prefix, long runs, long steps, long samples, long evals) {
        assertEquals(List.of(runs, steps, samples, evals), List.of(rows(LakeTables.RUNS, prefix), rows(LakeTables.STEPS, prefix),
                rows(LakeTables.POWER_SAMPLES, prefix), rows(LakeTables.EVALS, prefix)), "runs, steps, power_samples, evals");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private Lakehouse lake() {
        Lakehouse lake = LakehouseSession.attach(spark, TestSpark.settings(dir));
        return lake;
    }

    @Test
    void session_givesExecutorsCudaInPciBusOrder() {
        // GPU addresses become CUDA devices in NVML's bus order (ftenergy.gpu.GpuAddressMap)
        assertEquals("PCI_BUS_ID", spark.conf().get("spark.executorEnv.CUDA_DEVICE_ORDER"));
    }

    @Test
    void create_isIdempotent() {
        Lakehouse lake = lake();
        Map<String, Long> versions = lake.describe().stream().collect(Collectors.toMap(TableSummary::name, TableSummary::version));
        lake.create();
        lake.create();
        for (TableSummary table : lake.describe()) {
            assertTrue(table.exists(), table.name());
            assertEquals(0, table.rows(), table.name());
            assertEquals(versions.get(table.name()), table.version(), table.name() + " was changed instead of left alone");
        }
    }

    @Test
    void commitTwice_keepsOneCopyInEveryTable() {
        LakeWriter writer = new LakeWriter(shared);
        writer.commit(SampleResults.result("run-a", 1, 5));
        writer.commit(SampleResults.result("run-a", 1, 5));
        assertRows("run-a", 1, 5, 5, 1);
        shared.register(null, TestSpark.settings(sharedDir).database());
        assertEquals(5, spark.sql("SELECT * FROM steps WHERE run_id = 'run-a'").count(), "registered for SQL");
    }

    @Test
    void recommitAfterCrash_replacesOrphanChildRowsOfTheSameAttempt() {
        LakeWriter writer = new LakeWriter(shared);
        // A crashed commit left 7 step rows of attempt 1 but no runs row; the retry produced 4 steps.
        writer.replaceAttempt(LakeTables.STEPS, "run-b", 1, RunRows.steps(spark, SampleResults.result("run-b", 1, 7)));
        writer.commit(SampleResults.result("run-b", 1, 4));
        assertEquals(4, rows(LakeTables.STEPS, "run-b"));
    }

    @Test
    void attempts_areKeptApart() {
        LakeWriter writer = new LakeWriter(shared);
        writer.commit(SampleResults.result("run-c", 1, 2));
        writer.commit(SampleResults.result("run-c", 2, 3));
        assertEquals(2, rows(LakeTables.RUNS, "run-c"));
        assertEquals(5, rows(LakeTables.STEPS, "run-c"));
    }

    @Test
    void twoConcurrentWriters_loseNothing() throws Exception {
        LakeWriter writer = new LakeWriter(shared);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String prefix : List.of("par-left", "par-right")) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        writer.commit(SampleResults.result(prefix + "-" + i, 1, 2));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, rows(LakeTables.RUNS, "par-"));
        assertEquals(12, rows(LakeTables.STEPS, "par-"));
    }

    @ParameterizedTest
    @EnumSource(LakeWriter.Appends.class)
    void stagedBatchRunTwice_keepsOneCopyInEveryTable(LakeWriter.Appends appends) {
        String prefix = "app-a-" + appends + "-";
        LakeWriter writer = new LakeWriter(shared, appends);
        SweepClaim claim = writer.claim("sweep-" + prefix);
        Runnable marker = writer.stageBatch(
                List.of(SampleResults.result(prefix + "1", 1, 3), SampleResults.result(prefix + "2", 1, 2)), claim);
        marker.run();
        marker.run();
        // Repeated after a later batch landed: the table's latest version is past it, so still once.
        writer.appendBatch(List.of(SampleResults.result(prefix + "3", 1, 1)), claim);
        marker.run();
        assertRows(prefix, 3, 6, 6, 3);
    }

    @ParameterizedTest
    @EnumSource(LakeWriter.Appends.class)
    void appendRepeatedByAnotherWriterWithTheSameClaim_landsOnce(LakeWriter.Appends appends) {
        String runId = "app-b-" + appends;
        AttemptResult result = SampleResults.result(runId, 1, 4);
        LakeWriter first = new LakeWriter(shared, appends);
        SweepClaim claim = first.claim("sweep-" + runId);
        TransactionId id = claim.next();
        first.appendOnce(LakeTables.STEPS, RunRows.stepRows(result), claim, id);
        // The table itself refuses the repeat: no memory of the first writer's tries is needed.
        new LakeWriter(shared, appends).appendOnce(LakeTables.STEPS, RunRows.stepRows(result), claim, id);
        assertEquals(4, rows(LakeTables.STEPS, runId));
    }

    @ParameterizedTest
    @EnumSource(LakeWriter.Appends.class)
    void newerClaim_refusesTheOlderSubmissionsRowsInEveryTable(LakeWriter.Appends appends) {
        String prefix = "app-fence-" + appends + "-";
        LakeWriter older = new LakeWriter(shared, appends);
        SweepClaim first = older.claim("sweep-" + prefix);
        older.appendBatch(List.of(SampleResults.result(prefix + "1", 1, 2)), first);
        LakeWriter newer = new LakeWriter(shared, appends);
        SweepClaim second = newer.claim("sweep-" + prefix);
        assertEquals(first.generation() + 1, second.generation());

        AttemptResult contested = SampleResults.result(prefix + "2", 1, 2);
        ClaimLostException lost = assertThrows(ClaimLostException.class, () -> older.appendBatch(List.of(contested), first));
        assertEquals(second.generation(), lost.newerGeneration());
        assertTrue(lost.getMessage().contains("sweep-" + prefix), lost.getMessage());
        newer.appendBatch(List.of(contested), second);

        assertRows(prefix, 2, 4, 4, 2);
    }

    @Test
    void tableWithoutTheSweepsRecord_isNoNewerClaim() {
        // A run table that records nothing of the sweep (replaced, say) must not read as a newer claim.
        LakeWriter writer = new LakeWriter(shared);
        SweepClaim claim = writer.claim("sweep-app-unrecorded");
        writer.verifyClaim(new SweepClaim("sweep-app-never-claimed", 1));
        writer.verifyClaim(claim);
        assertEquals(1, claim.generation());
    }

    private record Claimed(LakeWriter writer, SweepClaim claim) {}

    @Test
    void claimsTakenAtOnce_getDistinctGenerationsAndOnlyTheNewestAppends() throws Exception {
        String sweep = "sweep-app-race";
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Claimed> claimed = new ArrayList<>();
        int lostWhileClaiming = 0;
        try {
            List<Future<Claimed>> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                LakeWriter writer = new LakeWriter(shared);
                taken.add(pool.submit(() -> new Claimed(writer, writer.claim(sweep))));
            }
            for (Future<Claimed> claim : taken) {
                try {
                    claimed.add(claim.get());
                } catch (ExecutionException e) {
                    // Overtaken by a newer claim between claiming runs and the child tables: legitimate.
                    assertInstanceOf(ClaimLostException.class, e.getCause());
                    lostWhileClaiming++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> generations = claimed.stream().map(c -> c.claim().generation()).collect(Collectors.toSet());
        assertEquals(claimed.size(), generations.size(), "each claim its own generation");
        assertEquals(3, claimed.size() + lostWhileClaiming);
        assertEquals(3L, generations.stream().mapToLong(Long::longValue).max().orElseThrow());
        for (int i = 0; i < claimed.size(); i++) {
            Claimed c = claimed.get(i);
            List<AttemptResult> batch = List.of(SampleResults.result("app-race-" + i, 1, 1));
            if (c.claim().generation() == 3) {
                c.writer().appendBatch(batch, c.claim());
            } else {
                assertThrows(ClaimLostException.class, () -> c.writer().appendBatch(batch, c.claim()));
            }
        }
        assertEquals(1, rows(LakeTables.RUNS, "app-race-"));
        assertEquals(1, rows(LakeTables.STEPS, "app-race-"));
    }

    @Test
    void kernelAppends_readBackAsTheRowsSparkWouldHaveWritten() {
        AttemptResult result = SampleResults.result("app-kernel-fidelity", 1, 3);
        List<Row> runs = List.of(RunRows.runRow(result.run(), java.time.Instant.parse("2026-11-28T08:00:00.123456Z")));
        List<Row> steps = RunRows.stepRows(result);
        LakeWriter writer = new LakeWriter(shared, LakeWriter.Appends.KERNEL);
        SweepClaim claim = writer.claim("sweep-fidelity");
        writer.appendOnce(LakeTables.RUNS, runs, claim, claim.next());
        writer.appendOnce(LakeTables.STEPS, steps, claim, claim.next());
        for (var table : List.of(LakeTables.RUNS, LakeTables.STEPS)) {
            Dataset<Row> expected = shared.spark().createDataFrame(table == LakeTables.RUNS ? runs : steps, table.schema());
            Dataset<Row> read = shared.read(table).where("run_id = 'app-kernel-fidelity'").select(
                    java.util.Arrays.stream(table.schema().fieldNames()).map(org.apache.spark.sql.functions::col)
                            .toArray(org.apache.spark.sql.Column[]::new));
            assertEquals(expected.count(), read.count(), table.name());
            assertEquals(0, read.exceptAll(expected).count(), table.name() + ": " + read.exceptAll(expected).collectAsList());
            assertEquals(0, expected.exceptAll(read).count(), table.name());
        }
    }

    @ParameterizedTest
    @EnumSource(LakeWriter.Appends.class)
    void twoConcurrentAppendingWriters_loseNothing(LakeWriter.Appends appends) throws Exception {
        String prefix = "app-par-" + appends + "-";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String side : List.of("left", "right")) {
                LakeWriter writer = new LakeWriter(shared, appends);
                SweepClaim claim = writer.claim("sweep-" + prefix + side);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        writer.appendBatch(List.of(SampleResults.result(prefix + side + "-" + i, 1, 2)), claim);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, rows(LakeTables.RUNS, prefix));
        assertEquals(12, rows(LakeTables.STEPS, prefix));
    }

    @Test
    void sweepState_numbersRetriesPastAttemptsThatLeftOnlyChildRows() {
        LakeWriter writer = new LakeWriter(shared);
        SweepClaim claim = writer.claim("sweep-app-c");
        writer.appendBatch(List.of(SampleResults.result("app-c", 1, 2)), claim);
        // Attempt 2's commit stopped after its evals: its rows stay, so a retry must not reuse 2.
        AttemptResult crashed = SampleResults.result("app-c", 2, 2);
        writer.appendOnce(LakeTables.EVALS, RunRows.evalRows(crashed), claim, claim.next());
        SweepState state = SweepStateReader.read(shared, "sweep-test");
        assertEquals(2, state.lastAttempt().get("app-c"));
        assertTrue(state.succeeded().contains("app-c"));
    }

    @Test
    void timeTravel_readsVersionZeroAsEmpty() {
        new LakeWriter(shared).commit(SampleResults.result("run-d", 1, 3));
        assertEquals(0, shared.readVersion(LakeTables.STEPS, 0).count());
        assertEquals(3, rows(LakeTables.STEPS, "run-d"));
        assertEquals(0, spark.sql("SELECT * FROM delta.`" + shared.path(LakeTables.RUNS) + "` VERSION AS OF 0").count());
    }

    @Test
    void addedColumn_keepsOldRowsReadable() {
        Lakehouse lake = lake();
        new LakeWriter(lake).commit(SampleResults.result("run-e", 1, 2));
        // An older version of the contract lacked committed_at: drop it by rewriting the table...
        String path = lake.path(LakeTables.RUNS);
        spark.read().format("delta").load(path).drop("committed_at")
                .write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
        // ...then the current code evolves the table instead of failing.
        lake.create();
        Row row = lake.read(LakeTables.RUNS).first();
        assertEquals("run-e", row.getAs("run_id"));
        assertNull(row.getAs("committed_at"));
    }

    @Test
    void createdByThreeWritersAtOnce_everyOneSucceeds() throws Exception {
        // Two sweeps started together on a new lakehouse both create its tables.
        Lakehouse lake = new Lakehouse(spark, dir.resolve("together").toString());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> creating = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                creating.add(pool.submit(() -> lake.create(LakeTables.RUNS)));
            }
            for (Future<?> created : creating) {
                created.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, lake.read(LakeTables.RUNS).count());
    }

    @Test
    void missingTable_errorSaysHowToCreateIt() {
        Lakehouse empty = new Lakehouse(spark, dir.resolve("nothing").toString());
        LakeException error = assertThrows(LakeException.class, () -> empty.read(LakeTables.RUNS));
        assertTrue(error.getMessage().contains("lake init"), error.getMessage());
    }

    @Test
    void runRecord_roundTripsThroughTheTables_provenanceWhole() {
        AttemptResult result = SampleResults.result("app-roundtrip", 2, 4);
        LakeWriter writer = new LakeWriter(shared, LakeWriter.Appends.KERNEL);
        writer.appendBatch(List.of(result), writer.claim("sweep-roundtrip"));
        List<ftenergy.run.RunRecord> read = RunRecordReader.read(shared.read(LakeTables.RUNS).where("run_id = 'app-roundtrip'"));
        assertEquals(List.of(result.run()), read, "every field, provenance and energy parts included");
        ftenergy.run.RunProvenance provenance = read.get(0).provenance();
        assertEquals("data-app-roundtrip", provenance.dataVersion());
        assertEquals("tok", provenance.tokenizerVersion());
        assertEquals("java=17", provenance.runtime());
        assertEquals(result.run().energy().kwh(), read.get(0).parts().totalKwh(), 1e-15, "parts add up to the run");
        for (LakeTable child : List.of(LakeTables.STEPS, LakeTables.POWER_SAMPLES, LakeTables.EVALS)) {
            assertEquals(List.of("sweep-test"), shared.read(child).where("run_id = 'app-roundtrip'").select("sweep_id").distinct()
                    .collectAsList().stream().map(r -> r.getString(0)).toList(), child.name() + " carries the run's sweep id");
        }
    }

    @Test
    void rowsBreakingAColumnsRules_areRefusedBeforeAnyWrite() {
        AttemptResult result = SampleResults.result("app-rules", 1, 1);
        var spec = result.run().spec();
        var noSweep = new ftenergy.run.RunSpec(spec.runId(), null, spec.kind(), spec.task(), spec.model(), spec.hyperparameters(),
                spec.seed(), spec.gpus(), spec.dependsOn(), spec.stopRule());
        var run = result.run();
        var broken = new ftenergy.run.RunRecord(noSweep, run.attempt(), run.modelParams(), run.host(), run.startedAt(),
                run.endedAt(), run.work(), run.energy(), run.parts(), run.metricName(), run.metricValue(), run.status(),
                run.error(), run.stopReason(), run.provenance());
        LakeException refused = assertThrows(LakeException.class, () -> RunRows.runRow(broken, java.time.Instant.now()));
        assertTrue(refused.getMessage().contains("column 'sweep_id' may not be null") && refused.getMessage().contains("run_id=app-rules"),
                refused.getMessage());
        assertEquals(0, rows(LakeTables.RUNS, "app-rules"));
    }

    @Test
    void examplesTable_checkConstraint_isEnforcedByDelta() {
        Lakehouse lake = lake();
        Row good = ExamplesTable.COLUMNS.row(new ExamplesTable.Encoded(new ftenergy.data.Example("t", "train", "1", new int[] {2, 3},
                new int[] {0, 0}, 1, new int[0], -1, -1), new ftenergy.data.TaskInfo("t", ftenergy.data.TaskType.SEQUENCE_CLASSIFICATION,
                List.of("a", "b"), null), "tok", "def"));
        Object[] values = new Object[good.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = good.get(i);
        }
        values[ExamplesTable.TABLE.schema().fieldIndex("split")] = "dev";
        Dataset<Row> bad = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(values)), ExamplesTable.TABLE.schema());
        Exception refused = assertThrows(Exception.class, () -> new LakeWriter(lake).append(LakeTables.EXAMPLES, bad));
        assertTrue(String.valueOf(refused.getMessage()).contains("split_allowed"), refused.getMessage());
        assertEquals(0, lake.read(LakeTables.EXAMPLES).count());
    }

    @Test
    void kernelAppends_writeACheckpointEveryTenCommits() throws Exception {
        Lakehouse lake = lake();
        LakeWriter writer = new LakeWriter(lake, LakeWriter.Appends.KERNEL);
        SweepClaim claim = writer.claim("sweep-checkpoints");
        for (int i = 0; i < 12; i++) {
            writer.appendOnce(LakeTables.RUNS, List.of(RunRows.runRow(SampleResults.result("ckpt-" + i, 1, 1).run(),
                    java.time.Instant.now())), claim, claim.next());
        }
        Path log = Path.of(lake.path(LakeTables.RUNS), "_delta_log");
        try (var files = java.nio.file.Files.list(log)) {
            List<String> checkpoints = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".checkpoint.parquet")).toList();
            assertEquals(List.of("00000000000000000010.checkpoint.parquet"), checkpoints,
                    "the claim's commit and twelve appends: version 10 is checkpointed, as Spark's own writes would");
        }
        assertEquals(12, lake.read(LakeTables.RUNS).count());
    }

    @Test
    void registration_leavesATableOfTheSameNameAtAnotherLocationAlone() {
        AppSettings settings = TestSpark.settings(dir);
        spark.sql("CREATE DATABASE IF NOT EXISTS " + settings.database());
        spark.sql("CREATE TABLE " + settings.database() + ".evals (owner STRING) USING delta LOCATION '" + dir.resolve("theirs") + "'");
        spark.sql("INSERT INTO " + settings.database() + ".evals VALUES ('someone else')");
        LakeException refused = assertThrows(LakeException.class, () -> LakehouseSession.attach(spark, settings));
        assertTrue(refused.getMessage().contains(".`evals` already exists at") && refused.getMessage().contains("ftenergy.lake.database"),
                refused.getMessage());
        assertEquals("someone else", spark.sql("SELECT owner FROM " + settings.database() + ".evals").first().getString(0));
    }
}
