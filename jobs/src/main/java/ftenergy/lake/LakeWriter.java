package ftenergy.lake;

import ftenergy.config.ConfigReader;
import ftenergy.live.AttemptIdentity;
import ftenergy.meter.PowerSample;
import ftenergy.run.AttemptResult;
import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *       blind appends under a {@link SweepClaim}, whose Delta transaction identifiers make a
 *       repeated append land once and refuse the appends of a superseded submission; written by
 *       Delta Kernel on the driver ({@link Appends#KERNEL}, the default) or by Spark jobs
 *       ({@link Appends#SPARK}).
 * </ul>
 * Optimistic-concurrency conflicts with another writer are retried with jittered back-off.
 */
public final class LakeWriter {

    /** How {@link #appendBatch} writes its blind appends. */
    public enum Appends {
        /** Delta Kernel on the driver, no Spark job. */
        KERNEL,
        /** A Spark job per append, with Delta's idempotent-write options ({@code txnAppId}, {@code txnVersion}). */
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

    /** The run tables, {@code runs} (the commit marker) first. */
    private static final List<LakeTable> RUN_TABLES =
            List.of(LakeTables.RUNS, LakeTables.STEPS, LakeTables.POWER_SAMPLES, LakeTables.EVALS);

    private final Lakehouse lake;
    private final Appends appends;
    /** Claims and their checks go through Kernel on either append path. */
    private final KernelAppends kernel;

    /** A writer whose batches append through Delta Kernel. */
    public LakeWriter(Lakehouse lake) {
        this(lake, Appends.KERNEL);
    }

    public LakeWriter(Lakehouse lake, Appends appends) {
        this.lake = lake;
        this.appends = appends;
        this.kernel = new KernelAppends(lake.spark().sparkContext().hadoopConfiguration());
    }

    /** Commits one run attempt; safe to repeat after a crash at any point. */
    public void commit(AttemptResult result) {
        commitAll(List.of(result));
    }

    /**
     * Commits several run attempts in four Delta transactions (one per table) instead of four
     * each; safe to repeat after a crash at any point.
     */
    public void commitAll(List<AttemptResult> results) {
        if (results.isEmpty()) {
            return;
        }
        SparkSession spark = lake.spark();
        StringJoiner attempts = new StringJoiner(" OR ");
        Dataset<Row> steps = null;
        Dataset<Row> samples = null;
        Dataset<Row> evals = null;
        Dataset<Row> runs = null;
        for (AttemptResult result : results) {
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
     * Claims {@code sweepId}'s run tables for this writer's appends ({@link SweepClaim}): from now
     * on, the tables refuse the appends of every earlier claim of the same sweep. Read what the
     * tables hold for the sweep after claiming, not before: nothing an older claim appends lands
     * after this returns.
     *
     * @throws ClaimLostException when a newer claim overtook this one while it was being taken
     */
    public SweepClaim claim(String sweepId) {
        for (int tries = 1; ; tries++) {
            long newest = 0;
            for (LakeTable table : RUN_TABLES) {
                newest = Math.max(newest, claimedGeneration(lake.path(table), sweepId));
            }
            SweepClaim claim = new SweepClaim(sweepId, newest + 1);
            // runs first: of two submissions claiming the same generation at once, it admits one.
            if (kernel.record(lake.path(LakeTables.RUNS), claim.opening())) {
                for (LakeTable child : RUN_TABLES.subList(1, RUN_TABLES.size())) {
                    if (!kernel.record(lake.path(child), claim.opening())) {
                        throw claim.lostTo(claimedGeneration(lake.path(child), sweepId));
                    }
                }
                return claim;
            }
            if (tries == MAX_TRIES) {
                throw new LakeException("could not claim sweep '" + sweepId + "' in " + MAX_TRIES
                        + " tries: other submissions of it kept claiming it at the same moment");
            }
        }
    }

    /** Throws {@link ClaimLostException} when a newer claim of the sweep than {@code claim} was taken. */
    public void verifyClaim(SweepClaim claim) {
        requireNoNewerClaim(lake.path(LakeTables.RUNS), claim);
    }

    /** Throws {@link ClaimLostException} when the table at {@code path} records a newer claim than {@code claim}. */
    private void requireNoNewerClaim(String path, SweepClaim claim) {
        long newer = claimedGeneration(path, claim.sweepId());
        if (newer > claim.generation()) {
            throw claim.lostTo(newer);
        }
    }

    /** The newest generation of {@code sweepId} the table at {@code path} records; 0 if it records none. */
    private long claimedGeneration(String path, String sweepId) {
        long latest = kernel.latestVersion(path, SweepClaim.appId(sweepId));
        return latest < 0 ? 0 : SweepClaim.generationOf(latest);
    }

    /**
     * Commits a batch of run attempts under {@code claim} as four blind appends, children first and
     * {@code runs} last as the commit marker.
     */
    public void appendBatch(List<AttemptResult> results, SweepClaim claim) {
        stageBatch(results, claim).run();
    }

    /**
     * {@link #appendBatch} in two steps: appends the child tables now and returns the {@code runs}
     * append, so that a caller can append the next batch's children while this marker lands. Running
     * the returned step again, or after it failed part-way, lands it at most once.
     *
     * <p>Why not {@link #commitAll}: a replace or MERGE must first rebuild the table's snapshot and
     * scan it (six Spark jobs per table measured); a blind append reads nothing and never conflicts
     * with another writer's append. The price is a precondition: an attempt must never reach the
     * tables in two batches. Within a process the committer sends each result once; a re-submission
     * claims the sweep anew, so whatever its predecessor had not recorded by then is refused, and it
     * numbers its attempts past every attempt that left rows in any table ({@code SweepStateReader}).
     *
     * @throws ClaimLostException when a newer claim of the sweep refused this batch
     */
    public Runnable stageBatch(List<AttemptResult> results, SweepClaim claim) {
        if (results.isEmpty()) {
            return () -> {};
        }
        List<Row> steps = new ArrayList<>();
        List<Row> samples = new ArrayList<>();
        List<Row> evals = new ArrayList<>();
        List<Row> runs = new ArrayList<>();
        Instant committedAt = Instant.now();
        for (AttemptResult result : results) {
            steps.addAll(RunRows.stepRows(result));
            samples.addAll(RunRows.sampleRows(result));
            evals.addAll(RunRows.evalRows(result));
            runs.add(RunRows.runRow(result.run(), committedAt));
        }
        // Identifiers are taken now, in batch order, so that each table sees them rise.
        TransactionId stepsId = claim.next();
        TransactionId samplesId = claim.next();
        TransactionId evalsId = claim.next();
        TransactionId marker = claim.next();
        // The children are independent tables: appended at once, the batch waits for the slowest
        // of three instead of their sum. The marker follows only when all three have landed.
        awaitAll(List.of(
                CompletableFuture.runAsync(() -> appendOnce(LakeTables.STEPS, steps, claim, stepsId), APPENDS),
                CompletableFuture.runAsync(() -> appendOnce(LakeTables.POWER_SAMPLES, samples, claim, samplesId), APPENDS),
                CompletableFuture.runAsync(() -> appendOnce(LakeTables.EVALS, evals, claim, evalsId), APPENDS)));
        return () -> appendOnce(LakeTables.RUNS, runs, claim, marker);
    }

    /**
     * Appends power samples an attempt's executor delivered while it ran, under {@code claim}: the
     * attempt's later result leaves them out, so each sample lands once.
     *
     * @throws ClaimLostException when a newer claim of the sweep refused them
     */
    public void appendSamples(AttemptIdentity attempt, List<PowerSample> samples, SweepClaim claim) {
        appendOnce(LakeTables.POWER_SAMPLES, RunRows.sampleRows(attempt, samples), claim, claim.next());
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

    /**
     * Appends {@code rows} under {@code id} unless the table already holds it; throws
     * {@link ClaimLostException} when a newer claim than {@code claim} made the table refuse it.
     */
    void appendOnce(LakeTable table, List<Row> rows, SweepClaim claim, TransactionId id) {
        if (rows.isEmpty()) {
            return;
        }
        String path = lake.path(table);
        boolean landed = false;
        try {
            if (appends == Appends.KERNEL) {
                landed = kernel.append(path, table.schema(), rows, id);
            } else {
                // Delta's idempotent-write options: the table skips the write, silently, when it holds the id.
                Dataset<Row> data = lake.spark().createDataFrame(rows, table.schema()).coalesce(1);
                retrying(table, "append version " + id.version() + " of " + id.appId(), () -> {
                    data.write().format("delta").mode("append").option("txnAppId", id.appId())
                            .option("txnVersion", id.version()).save(path);
                    return null;
                });
            }
        } catch (IOException | RuntimeException e) {
            throw new LakeException("could not append version " + id.version() + " of " + id.appId() + " to table '"
                    + table.name() + "' at " + path + ": " + e.getMessage(), e);
        }
        if (!landed) {
            // Refused (or, through Spark, maybe skipped): a newer claim, or this very append landed before.
            requireNoNewerClaim(path, claim);
        }
    }

    private static Dataset<Row> union(Dataset<Row> all, Dataset<Row> more) {
        return all == null ? more : all.union(more);
    }

    /**
     * Inserts a row whose key no other writer uses, through Delta Kernel on the driver: no Spark job,
     * so it neither waits behind run tasks for a slot nor takes one. Lands once under {@code appId}.
     */
    public void insertOnce(LakeTable table, Row row, String appId) {
        String path = lake.path(table);
        try {
            kernel.append(path, table.schema(), List.of(row), new TransactionId(appId, 1));
        } catch (IOException | RuntimeException e) {
            throw new LakeException("could not insert a row into table '" + table.name() + "' at " + path + ": "
                    + e.getMessage(), e);
        }
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
                Backoff.pause(tries, operation + " on table '" + table.name() + "'");
            } catch (RuntimeException e) {
                throw new LakeException(operation + " on table '" + table.name() + "' failed: " + e.getMessage(), e);
            }
        }
    }
}
