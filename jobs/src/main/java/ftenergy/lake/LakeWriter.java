package ftenergy.lake;

import static org.apache.spark.sql.functions.col;

import ftenergy.config.ConfigReader;
import ftenergy.plan.RunIds;
import ftenergy.run.RunResult;
import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *   <li>{@link #appendBatch}: the sweep's fast path: the same four tables in the same order, as
 *       blind appends tagged with the batch's id so that a repeated batch lands once; written by
 *       Delta Kernel on the driver ({@link Appends#KERNEL}, the default) or by Spark jobs
 *       ({@link Appends#SPARK}).
 * </ul>
 * Optimistic-concurrency conflicts with another writer are retried with jittered back-off. On the
 * Spark path a writer remembers which batches it has tried to append, so share one per process.
 */
public final class LakeWriter {

    /** How {@link #appendBatch} writes its blind appends. */
    public enum Appends {
        /**
         * Delta Kernel on the driver, no Spark job; a repeated batch is refused by the table through
         * its Delta transaction identifier.
         */
        KERNEL,
        /** A Spark job per append, tagged with the batch id in the commit's {@code userMetadata}. */
        SPARK;

        /** Reads {@code ftenergy.lake.appends}; an unknown value is a problem in {@code in} that names the key. */
        public static Appends read(ConfigReader in) {
            String label = in.string("ftenergy.lake.appends");
            for (Appends appends : values()) {
                if (appends.name().equalsIgnoreCase(label)) {
                    return appends;
                }
            }
            in.problem("ftenergy.lake.appends", "unknown append path '" + label + "'; expected kernel or spark");
            return KERNEL;
        }
    }

    private static final int MAX_TRIES = 8;

    /** Threads for the child-table appends of {@link #appendBatch}; daemon, idle ones expire. */
    private static final ExecutorService APPENDS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ftenergy-lake-append");
        thread.setDaemon(true);
        return thread;
    });

    private final Lakehouse lake;
    private final Set<String> tried = ConcurrentHashMap.newKeySet();
    private final KernelAppends kernel;

    /** A writer whose batches append through Delta Kernel. */
    public LakeWriter(Lakehouse lake) {
        this(lake, Appends.KERNEL);
    }

    public LakeWriter(Lakehouse lake, Appends appends) {
        this.lake = lake;
        this.kernel = appends == Appends.KERNEL ? new KernelAppends(lake.spark().sparkContext().hadoopConfiguration()) : null;
    }

    /** Commits one run attempt; safe to repeat after a crash at any point. */
    public void commit(RunResult result) {
        commitAll(List.of(result));
    }

    /**
     * Commits several run attempts in four Delta transactions (one per table) instead of four
     * each; safe to repeat after a crash at any point.
     */
    public void commitAll(List<RunResult> results) {
        if (results.isEmpty()) {
            return;
        }
        SparkSession spark = lake.spark();
        StringJoiner attempts = new StringJoiner(" OR ");
        Dataset<Row> steps = null;
        Dataset<Row> samples = null;
        Dataset<Row> evals = null;
        Dataset<Row> runs = null;
        for (RunResult result : results) {
            attempts.add("(run_id = " + literal(result.run().spec().runId()) + " AND attempt = " + result.run().attempt() + ")");
            steps = union(steps, RunRows.steps(spark, result));
            samples = union(samples, RunRows.samples(spark, result));
            evals = union(evals, RunRows.evals(spark, result));
            runs = union(runs, RunRows.run(spark, result));
        }
        replace(LakeTables.STEPS, attempts.toString(), steps);
        replace(LakeTables.POWER_SAMPLES, attempts.toString(), samples);
        replace(LakeTables.EVALS, attempts.toString(), evals);
        upsert(LakeTables.RUNS, runs);
    }

    /**
     * Commits a batch of run attempts as four blind appends, children first and {@code runs} last
     * as the commit marker. Repeating a batch through the same writer, whole or after a call that
     * failed part-way, writes every table at most once: each append is tagged with the batch's id
     * (Delta {@code userMetadata}), and a table this writer has already tried for the batch is
     * appended to only if the table's history lacks the tag.
     *
     * <p>Why not {@link #commitAll}: a replace or MERGE must first rebuild the table's snapshot and
     * scan it (six Spark jobs per table measured), a blind append runs one job and never conflicts
     * with another writer's append. The price is a precondition: an attempt must never reach the
     * tables in two different batches. Within a process the committer sends each result once;
     * across processes the results of a crashed driver are gone, and the sweep re-runs such an
     * attempt under a new number, past every attempt that left rows in any table
     * ({@code SweepStateReader}).
     */
    public void appendBatch(List<RunResult> results) {
        stageBatch(results).run();
    }

    /**
     * {@link #appendBatch} in two steps: appends the child tables now and returns the {@code runs}
     * append, so that a caller can append the next batch's children while this marker lands.
     */
    public Runnable stageBatch(List<RunResult> results) {
        if (results.isEmpty()) {
            return () -> {};
        }
        List<Row> steps = new ArrayList<>();
        List<Row> samples = new ArrayList<>();
        List<Row> evals = new ArrayList<>();
        List<Row> runs = new ArrayList<>();
        Instant committedAt = Instant.now();
        for (RunResult result : results) {
            steps.addAll(RunRows.stepRows(result));
            samples.addAll(RunRows.sampleRows(result));
            evals.addAll(RunRows.evalRows(result));
            runs.add(RunRows.runRow(result.run(), committedAt));
        }
        String batchId = batchId(results);
        // The children are independent tables: appended at once, the batch waits for the slowest
        // of three instead of their sum. The marker follows only when all three have landed.
        List<CompletableFuture<Void>> children = List.of(
                CompletableFuture.runAsync(() -> appendOnce(LakeTables.STEPS, steps, batchId), APPENDS),
                CompletableFuture.runAsync(() -> appendOnce(LakeTables.POWER_SAMPLES, samples, batchId), APPENDS),
                CompletableFuture.runAsync(() -> appendOnce(LakeTables.EVALS, evals, batchId), APPENDS));
        awaitAll(children);
        return () -> appendOnce(LakeTables.RUNS, runs, batchId);
    }

    /** Waits for every append, so none is still writing when this returns, then rethrows the first failure. */
    private static void awaitAll(List<CompletableFuture<Void>> appends) {
        RuntimeException first = null;
        for (CompletableFuture<Void> append : appends) {
            try {
                append.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (first == null) {
                    first = cause;
                } else {
                    first.addSuppressed(cause);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Names a batch by its sorted keys, so the same attempts make the same id whatever their order. */
    static String batchId(List<RunResult> results) {
        List<String> keys = new ArrayList<>();
        for (RunResult result : results) {
            keys.add(result.run().spec().runId() + "#" + result.run().attempt());
        }
        Collections.sort(keys);
        return "ftenergy-batch-" + RunIds.of(String.join(",", keys));
    }

    /** Appends {@code rows} tagged with {@code batchId} unless an earlier try already landed. */
    void appendOnce(LakeTable table, List<Row> rows, String batchId) {
        if (rows.isEmpty()) {
            return;
        }
        if (kernel != null) {
            try {
                kernel.append(lake.path(table), table.schema(), rows, batchId);
            } catch (IOException | RuntimeException e) {
                throw new LakeException("could not append batch " + batchId + " to table '" + table.name() + "' at "
                        + lake.path(table) + ": " + e.getMessage(), e);
            }
            return;
        }
        // Only a repeat pays for reading the history; a failed write may still have committed.
        if (!tried.add(table.name() + "/" + batchId) && landed(table, batchId)) {
            return;
        }
        // One partition: a batch is a few hundred rows, so one small file and one task, not one per run.
        Dataset<Row> data = lake.spark().createDataFrame(rows, table.schema()).coalesce(1);
        retrying(table, "append batch " + batchId, () -> {
            data.write().format("delta").mode("append").option("userMetadata", batchId).save(lake.path(table));
            return null;
        });
    }

    private boolean landed(LakeTable table, String batchId) {
        return !lake.delta(table).history().where(col("userMetadata").equalTo(batchId)).isEmpty();
    }

    private static Dataset<Row> union(Dataset<Row> all, Dataset<Row> more) {
        return all == null ? more : all.union(more);
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
