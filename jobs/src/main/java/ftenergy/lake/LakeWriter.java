package ftenergy.lake;

import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import ftenergy.run.RunResult;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes into the lakehouse so that the same data written twice leaves one copy and concurrent
 * writers lose nothing.
 *
 * <ul>
 *   <li>{@link #upsert}: MERGE on the table's key columns; matched rows are replaced.
 *   <li>{@link #commit}: a run attempt's child rows (steps, power samples, evals) replace whatever
 *       that attempt wrote before, each in one Delta transaction ({@code replaceWhere}); the
 *       {@code runs} row is merged last and is the commit marker that makes the attempt count.
 * </ul>
 * Optimistic-concurrency conflicts with another writer are retried with jittered back-off.
 */
public final class LakeWriter {

    private static final int MAX_TRIES = 8;

    private final Lakehouse lake;

    public LakeWriter(Lakehouse lake) {
        this.lake = lake;
    }

    /** Commits one run attempt; safe to repeat after a crash at any point. */
    public void commit(RunResult result) {
        SparkSession spark = lake.spark();
        String runId = result.run().spec().runId();
        int attempt = result.run().attempt();
        replaceAttempt(LakeTables.STEPS, runId, attempt, RunRows.steps(spark, result));
        replaceAttempt(LakeTables.POWER_SAMPLES, runId, attempt, RunRows.samples(spark, result));
        replaceAttempt(LakeTables.EVALS, runId, attempt, RunRows.evals(spark, result));
        upsert(LakeTables.RUNS, RunRows.run(spark, result));
    }

    /** MERGE {@code rows} into {@code table} on its key columns: insert new keys, replace existing ones. */
    public void upsert(LakeTable table, Dataset<Row> rows) {
        StringJoiner condition = new StringJoiner(" AND ");
        for (String key : table.keyColumns()) {
            condition.add("t.`" + key + "` <=> s.`" + key + "`");
        }
        Dataset<Row> source = rows.dropDuplicates(table.keyColumns().toArray(String[]::new));
        retrying(table, "merge", () -> {
            DeltaTable target = lake.delta(table);
            target.as("t")
                    .merge(source.as("s"), condition.toString())
                    .whenMatched()
                    .updateAll()
                    .whenNotMatched()
                    .insertAll()
                    .execute();
            return null;
        });
    }

    /** Atomically replaces the rows of one run attempt in a child table. */
    public void replaceAttempt(LakeTable table, String runId, int attempt, Dataset<Row> rows) {
        replace(table, "run_id = " + literal(runId) + " AND attempt = " + attempt, rows);
    }

    /** Atomically replaces the rows matching {@code predicate} (SQL) with {@code rows}, which must all match it. */
    public void replace(LakeTable table, String predicate, Dataset<Row> rows) {
        retrying(table, "replace rows where " + predicate, () -> {
            rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(lake.path(table));
            return null;
        });
    }

    /** A SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Appends rows as they are (no key check); for tables whose writers own disjoint keys. */
    public void append(LakeTable table, Dataset<Row> rows) {
        retrying(table, "append", () -> {
            rows.write().format("delta").mode("append").save(lake.path(table));
            return null;
        });
    }

    private static <T> T retrying(LakeTable table, String operation, Supplier<T> write) {
        for (int tries = 1; ; tries++) {
            try {
                return write.get();
            } catch (DeltaConcurrentModificationException e) {
                if (tries == MAX_TRIES) {
                    throw new LakeException(operation + " on table '" + table.name() + "' still conflicted after "
                            + MAX_TRIES + " tries: " + e.getMessage(), e);
                }
                sleepBeforeRetry(tries);
            } catch (RuntimeException e) {
                throw new LakeException(operation + " on table '" + table.name() + "' failed: " + e.getMessage(), e);
            }
        }
    }

    private static void sleepBeforeRetry(int tries) {
        long millis = ThreadLocalRandom.current().nextLong(50, 100L << Math.min(tries, 5));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException("interrupted while retrying a conflicting Delta write", e);
        }
    }
}
