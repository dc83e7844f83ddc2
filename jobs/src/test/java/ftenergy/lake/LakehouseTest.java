package ftenergy.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.config.AppSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseTest {

    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private Lakehouse lake() {
        Lakehouse lake = LakehouseSession.attach(spark, new AppSettings(dir.toString(), dir, dir, dir, "test", Map.of()));
        return lake;
    }

    @Test
    void create_isIdempotent() {
        Lakehouse lake = lake();
        lake.create();
        lake.create();
        for (TableSummary table : lake.describe()) {
            assertTrue(table.exists(), table.name());
            assertEquals(0, table.rows(), table.name());
            assertEquals(0, table.version(), table.name() + " was re-created instead of left alone");
        }
    }

    @Test
    void commitTwice_keepsOneCopyInEveryTable() {
        Lakehouse lake = lake();
        LakeWriter writer = new LakeWriter(lake);
        writer.commit(SampleResults.result("run-a", 1, 5));
        writer.commit(SampleResults.result("run-a", 1, 5));
        assertEquals(1, lake.read(LakeTables.RUNS).count());
        assertEquals(5, lake.read(LakeTables.STEPS).count());
        assertEquals(5, lake.read(LakeTables.POWER_SAMPLES).count());
        assertEquals(1, lake.read(LakeTables.EVALS).count());
        assertEquals(5, spark.sql("SELECT * FROM steps WHERE run_id = 'run-a'").count(), "registered for SQL");
    }

    @Test
    void recommitAfterCrash_replacesOrphanChildRowsOfTheSameAttempt() {
        Lakehouse lake = lake();
        LakeWriter writer = new LakeWriter(lake);
        // A crashed commit left 7 step rows of attempt 1 but no runs row; the retry produced 4 steps.
        writer.replaceAttempt(LakeTables.STEPS, "run-b", 1, RunRows.steps(spark, SampleResults.result("run-b", 1, 7)));
        writer.commit(SampleResults.result("run-b", 1, 4));
        assertEquals(4, lake.read(LakeTables.STEPS).count());
    }

    @Test
    void attempts_areKeptApart() {
        Lakehouse lake = lake();
        LakeWriter writer = new LakeWriter(lake);
        writer.commit(SampleResults.result("run-c", 1, 2));
        writer.commit(SampleResults.result("run-c", 2, 3));
        assertEquals(2, lake.read(LakeTables.RUNS).count());
        assertEquals(5, lake.read(LakeTables.STEPS).count());
    }

    @Test
    void twoConcurrentWriters_loseNothing() throws Exception {
        Lakehouse lake = lake();
        LakeWriter writer = new LakeWriter(lake);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String prefix : List.of("left", "right")) {
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
        assertEquals(6, lake.read(LakeTables.RUNS).count());
        assertEquals(12, lake.read(LakeTables.STEPS).count());
    }

    @Test
    void timeTravel_readsVersionZeroAsEmpty() {
        Lakehouse lake = lake();
        new LakeWriter(lake).commit(SampleResults.result("run-d", 1, 3));
        assertEquals(0, lake.readVersion(LakeTables.STEPS, 0).count());
        assertEquals(3, lake.read(LakeTables.STEPS).count());
        assertEquals(0, spark.sql("SELECT * FROM runs VERSION AS OF 0").count());
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
    void missingTable_errorSaysHowToCreateIt() {
        Lakehouse empty = new Lakehouse(spark, dir.resolve("nothing").toString());
        LakeException error = assertThrows(LakeException.class, () -> empty.read(LakeTables.RUNS));
        assertTrue(error.getMessage().contains("lake init"), error.getMessage());
    }
}
